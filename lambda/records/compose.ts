import { randomUUID } from 'node:crypto';
import { LOCAL_ENVIRONMENT } from '../../lib/contract/environment';
import { dynamoIdempotencyStore } from '../shared/idempotency-store';
import { builtOnce } from '../shared/once';
import { LOCK_MODES, type LockMode, type LockPolicy } from './domain/record';
import type { ObjectLocks, RecordsPorts } from './ports';
import { recordsService } from './routes';
import { DomainOnlyObjectLocks, S3ContentStore, S3ObjectLocks } from './store/content-store';
import { DynamoFilePlanStore } from './store/file-plan-store';
import { DynamoEventLog, DynamoRecordStore } from './store/record-store';
import { DynamoScheduleStore } from './store/schedule-store';
import { table } from './store/table';

const ENV = recordsService.environment;
/** How long a presigned upload of record content stays usable. */
const UPLOAD_SECONDS = 900;

/** The lock policy from the environment the stack sets; COMPLIANCE where nothing says otherwise. */
export function readLockPolicy(env: NodeJS.ProcessEnv): LockPolicy {
  const mode = (env[ENV.lockMode] || 'COMPLIANCE') as LockMode;
  if (!LOCK_MODES.includes(mode)) throw new Error(`${ENV.lockMode} must be one of ${LOCK_MODES.join(', ')}, got ${mode}`);
  const reason = env[ENV.governanceReason];
  if (mode === 'GOVERNANCE' && !reason) throw new Error(`${ENV.governanceReason} must say why records are locked in GOVERNANCE mode`);
  return mode === 'GOVERNANCE' ? { mode, reason } : { mode };
}

/** Object Lock calls to S3, or, over embedded S3 (which has no Object Lock), to the domain's record of them. */
export function objectLocksFor(env: NodeJS.ProcessEnv): ObjectLocks {
  return env[LOCAL_ENVIRONMENT.s3Endpoint] ? new DomainOnlyObjectLocks() : new S3ObjectLocks();
}

/** The records service's ports over DynamoDB and S3. */
export function dynamoPorts(overrides: Partial<RecordsPorts> = {}): RecordsPorts {
  return {
    filePlan: new DynamoFilePlanStore(),
    schedules: new DynamoScheduleStore(),
    records: new DynamoRecordStore(),
    events: new DynamoEventLog(),
    content: new S3ContentStore(),
    locks: objectLocksFor(process.env),
    declarationClaims: dynamoIdempotencyStore({
      table,
      // The toolkit scopes a key as `<department>#<key>`.
      keyOf: (scope) => ({ pk: `CLAIM#${scope}`, sk: 'CLAIM' }),
      partitionKey: 'pk',
      resultAttribute: 'recordId',
      extra: { kind: 'claim' },
    }),
    lockPolicy: readLockPolicy(process.env),
    clock: () => new Date(),
    ids: randomUUID,
    uploadSeconds: UPLOAD_SECONDS,
    ...overrides,
  };
}

/** The ports of this process, built on first use. */
export const recordsPorts = /* @__PURE__ */ builtOnce(async () => dynamoPorts());
