/**
 * Environment of the payments service's functions, written by its stack (and local mode) and
 * read by its runtime.
 */
export const PAY_ENVIRONMENT = {
  /** The secret box key itself, base64: local mode and tests. */
  secretBoxKey: 'PAY_SECRET_BOX_KEY',
  /** ARN of the Secrets Manager secret holding the secret box key: AWS. */
  secretBoxKeySecretArn: 'PAY_SECRET_BOX_KEY_SECRET_ARN',
  /** JSON list of the codes of departments entitled to the service: whose day the nightly run reconciles. */
  departments: 'PAY_DEPARTMENTS',
} as const;

/** The department codes to reconcile; a bad value stops the run rather than skipping departments silently. */
export function reconciledDepartments(env: NodeJS.ProcessEnv = process.env): string[] {
  const value: unknown = JSON.parse(env[PAY_ENVIRONMENT.departments] ?? '[]');
  if (!Array.isArray(value) || value.some((code) => typeof code !== 'string')) {
    throw new Error(`${PAY_ENVIRONMENT.departments} must be a JSON list of department codes`);
  }
  return value;
}
