import { randomUUID } from 'node:crypto';
import { LOCAL_ENVIRONMENT } from '../../lib/contract/environment';
import { dynamoIdempotencyStore } from '../shared/idempotency-store';
import { builtOnce } from '../shared/once';
import { type ProcurementSettings, procurementSettingsSchema } from './domain/settings';
import type { BidKeys, ProcurementPorts } from './ports';
import { procurementService } from './routes';
import { DynamoAuditLog } from './store/audit-log';
import { KmsBidKeys, LocalBidKeys } from './store/bid-keys';
import { DynamoBidStore } from './store/bid-store';
import { DynamoClarificationStore } from './store/clarification-store';
import { DynamoOpeningStore } from './store/opening-store';
import { DynamoReleaseStore } from './store/release-store';
import { DynamoSupplierStore } from './store/supplier-store';
import { table } from './store/table';
import { DynamoTenderStore } from './store/tender-store';

const ENV = procurementService.environment;

/** The settings the stack (or local mode) passed, with the config's defaults where none were. */
export function readSettings(env: NodeJS.ProcessEnv): ProcurementSettings {
  const raw = env[ENV.settings];
  return procurementSettingsSchema.parse(raw ? JSON.parse(raw) : {});
}

/** Bid keys in KMS, or, over embedded storage, the local provider that applies the same rule. */
export function bidKeysFor(env: NodeJS.ProcessEnv, clock: () => Date): BidKeys {
  if (env[LOCAL_ENVIRONMENT.dynamodbEndpoint]) return new LocalBidKeys(clock);
  const serviceRoleArn = env[ENV.serviceRoleArn];
  if (!serviceRoleArn) throw new Error(`${ENV.serviceRoleArn} must name the API function's role, which the bid keys' policies name.`);
  return new KmsBidKeys({ serviceRoleArn });
}

/** The procurement service's ports over DynamoDB and KMS. */
export function dynamoPorts(overrides: Partial<ProcurementPorts> = {}): ProcurementPorts {
  const clock = overrides.clock ?? (() => new Date());
  return {
    suppliers: new DynamoSupplierStore(),
    tenders: new DynamoTenderStore(),
    clarifications: new DynamoClarificationStore(),
    bids: new DynamoBidStore(),
    openings: new DynamoOpeningStore(),
    releases: new DynamoReleaseStore(),
    audit: new DynamoAuditLog(),
    keys: bidKeysFor(process.env, clock),
    draftClaims: dynamoIdempotencyStore({
      table,
      // The toolkit scopes a key as `<department>#<key>`.
      keyOf: (scope) => ({ pk: `CLAIM#${scope}`, sk: 'CLAIM' }),
      partitionKey: 'pk',
      resultAttribute: 'tenderId',
      extra: { kind: 'draft-claim' },
    }),
    settings: readSettings(process.env),
    clock,
    ids: randomUUID,
    ...overrides,
  };
}

/** The ports of this process, built on first use. */
export const procurementPorts = /* @__PURE__ */ builtOnce(async () => dynamoPorts());
