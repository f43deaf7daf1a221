import * as iam from 'aws-cdk-lib/aws-iam';
import { EVENTS_PREFIX } from '../../lambda/usage/domain/events';
import { usageService } from '../../lambda/usage/routes';
import { USAGE_BUCKETS } from '../../lambda/usage/storage';
import type { ServiceStack } from './service-stack';
import { UsageEventStream } from './usage-event-stream';

/**
 * What the usage service needs beyond its API: the Firehose stream that takes the beacon's events
 * to the events bucket, the right to put records on it, and to list the bucket's events for the
 * nightly count.
 */
export function addUsageExtension(stack: ServiceStack): void {
  const events = stack.buckets[USAGE_BUCKETS.events];
  const eventStream = new UsageEventStream(stack, 'EventStream', { bucket: events, key: stack.key, logRetention: stack.logRetention });
  for (const fn of Object.values(stack.functions)) {
    fn.function.addEnvironment(usageService.environment.eventStream, eventStream.stream.ref);
    eventStream.grantPutRecords(fn.role);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListUsageEvents',
        actions: ['s3:ListBucket'],
        resources: [events.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${EVENTS_PREFIX}*`] } },
      }),
    );
  }
}
