import { builtOnce } from '../shared/once';
import type { PipelineSettings } from './domain/normalise';
import { SEVERITIES, type Severity } from './domain/severity';
import type { CertPorts } from './ports';
import { certService } from './routes';
import { DynamoAdvisoryStore } from './store/advisory-store';
import { DynamoIncidentStore, reportClaimStore } from './store/incident-store';
import { DynamoKnownExploitedStore } from './store/known-exploited-store';

/** The CERT's ports over DynamoDB, with table names from the environment. */
export function dynamoPorts(clock: () => Date = () => new Date()): CertPorts {
  return {
    incidents: new DynamoIncidentStore(),
    reportClaims: reportClaimStore(),
    advisories: new DynamoAdvisoryStore(),
    knownExploited: new DynamoKnownExploitedStore(),
    clock,
  };
}

/** The ports of this process, built on first use. */
export const certPorts = /* @__PURE__ */ builtOnce(async () => dynamoPorts());

const ENV = certService.environment;

/** Reads and checks the incident pipeline's settings; a bad value fails the function rather than misfile. */
export function readPipelineSettings(env: NodeJS.ProcessEnv): PipelineSettings {
  const threshold = env[ENV.threshold];
  if (!(SEVERITIES as readonly string[]).includes(threshold ?? '')) {
    throw new Error(`${ENV.threshold} must be one of ${SEVERITIES.join(', ')}, got ${threshold}`);
  }
  const tagKey = env[ENV.departmentTagKey];
  if (!tagKey) throw new Error(`${ENV.departmentTagKey} is not set`);
  const accounts = JSON.parse(env[ENV.departmentAccounts] ?? '{}') as unknown;
  if (
    accounts === null ||
    typeof accounts !== 'object' ||
    Array.isArray(accounts) ||
    Object.values(accounts).some((v) => typeof v !== 'string')
  ) {
    throw new Error(`${ENV.departmentAccounts} must be a JSON object of account id to department code`);
  }
  return { threshold: threshold as Severity, departmentTagKey: tagKey, departmentAccounts: accounts as Record<string, string> };
}

/** The incident pipeline's settings, read once, when its function first runs. */
export const pipelineSettings = /* @__PURE__ */ builtOnce(async () => readPipelineSettings(process.env));
