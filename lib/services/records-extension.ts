import { recordsService } from '../../lambda/records/routes';
import { RECORDS_BUCKETS } from '../../lambda/records/storage';
import type { ServiceStack } from './service-stack';

/**
 * What the records service needs beyond its API: the right to lock the content it is given (a
 * presigned PUT carries the Object Lock, so the signing role needs it too) and to place legal
 * holds, to delete a version once its lock has expired (a disposal's destruction), and the lock
 * mode of the config. No role is granted s3:BypassGovernanceRetention.
 */
export function addRecordsExtension(stack: ServiceStack): void {
  const content = stack.buckets[RECORDS_BUCKETS.content];
  const { lockMode, governanceReason } = stack.config.records;
  for (const fn of Object.values(stack.functions)) {
    content.grantObjectLock(fn.role, { deleteVersions: true });
    fn.function.addEnvironment(recordsService.environment.lockMode, lockMode);
    if (lockMode === 'GOVERNANCE' && governanceReason)
      fn.function.addEnvironment(recordsService.environment.governanceReason, governanceReason);
  }
}
