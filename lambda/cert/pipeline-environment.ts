import { SEVERITIES, type Severity } from './domain/severity';

/** Environment of the incident pipeline function, written by its construct and read by its handler. */
export const PIPELINE_ENVIRONMENT = {
  /** Lowest severity filed as an incident. */
  threshold: 'INCIDENT_SEVERITY_THRESHOLD',
  /** Resource tag naming the owning department. */
  departmentTagKey: 'DEPARTMENT_TAG_KEY',
  /** JSON object of account id to department code. */
  departmentAccounts: 'DEPARTMENT_ACCOUNTS',
} as const;

export interface PipelineSettings {
  readonly threshold: Severity;
  readonly departmentTagKey: string;
  readonly departmentAccounts: Readonly<Record<string, string>>;
}

/** Reads and checks the settings; a bad value stops the function at start rather than misfiling. */
export function readPipelineSettings(env: NodeJS.ProcessEnv): PipelineSettings {
  const threshold = env[PIPELINE_ENVIRONMENT.threshold];
  if (!(SEVERITIES as readonly string[]).includes(threshold ?? '')) {
    throw new Error(`${PIPELINE_ENVIRONMENT.threshold} must be one of ${SEVERITIES.join(', ')}, got ${threshold}`);
  }
  const tagKey = env[PIPELINE_ENVIRONMENT.departmentTagKey];
  if (!tagKey) throw new Error(`${PIPELINE_ENVIRONMENT.departmentTagKey} is not set`);
  const accounts = JSON.parse(env[PIPELINE_ENVIRONMENT.departmentAccounts] ?? '{}') as unknown;
  if (
    accounts === null ||
    typeof accounts !== 'object' ||
    Array.isArray(accounts) ||
    Object.values(accounts).some((v) => typeof v !== 'string')
  ) {
    throw new Error(`${PIPELINE_ENVIRONMENT.departmentAccounts} must be a JSON object of account id to department code`);
  }
  return { threshold: threshold as Severity, departmentTagKey: tagKey, departmentAccounts: accounts as Record<string, string> };
}
