import { randomUUID } from 'node:crypto';
import { LOCAL_ENVIRONMENT } from '../../lib/contract/environment';
import { HttpError } from '../shared/errors';
import { builtOnce } from '../shared/once';
import { exchangeSettingsSchema } from './domain/settings';
import type { ExchangePorts, QueryEngine } from './ports';
import { exchangeService } from './routes';
import { LocalRowsEngine } from './store/local-rows';
import { DynamoMessageLog } from './store/message-log';
import { DynamoRequestStore } from './store/request-store';
import { DynamoServiceStore } from './store/service-store';

const ENV = exchangeService.environment;

/**
 * Over embedded storage, the seeded rows; in AWS no engine is wired yet (the Athena adapter is
 * not built), so a query under a grant in force is a 501 rather than an answer from nowhere.
 */
function engineFor(env: NodeJS.ProcessEnv): QueryEngine {
  if (env[LOCAL_ENVIRONMENT.dynamodbEndpoint]) return new LocalRowsEngine();
  return {
    run: () => Promise.reject(new HttpError(501, 'not_implemented', 'Queries through Athena are not available in this deployment yet.')),
  };
}

export function dynamoPorts(overrides: Partial<ExchangePorts> = {}): ExchangePorts {
  const env = process.env;
  return {
    services: new DynamoServiceStore(),
    requests: new DynamoRequestStore(),
    log: new DynamoMessageLog(),
    engine: engineFor(env),
    settings: exchangeSettingsSchema.parse(env[ENV.settings] ? JSON.parse(env[ENV.settings] as string) : {}),
    departments: env[ENV.departments] ? JSON.parse(env[ENV.departments] as string) : {},
    clock: () => new Date(),
    ids: randomUUID,
    ...overrides,
  };
}

/** The ports of this process, built on first use. */
export const exchangePorts = /* @__PURE__ */ builtOnce(async () => dynamoPorts());
