import { PLATFORM_ENVIRONMENT } from '../../lib/contract/environment';
import { PlatformParameters } from '../../lib/contract/parameters';

/** The id of a department's API key, or undefined if it has none. */
export type DepartmentKeyLookup = (department: string) => Promise<string | undefined>;

/** How long a key id is trusted before it is read again (a department's key may be replaced). */
const KEEP_MS = 5 * 60 * 1000;
/** The port of the Lambda extension that serves parameters (its default). */
const EXTENSION_PORT = 2773;

/**
 * Which API key is each department's, as the platform says where the function runs: in AWS, the
 * id each department stack publishes (`/<prefix>/departments/<code>/api-key-id`), read through
 * the parameters extension on its local port and kept a few minutes; in local mode, from the
 * environment. Undefined when the platform says nothing, so handlers called directly by unit
 * tests do without.
 */
export function departmentKeyLookup(env: NodeJS.ProcessEnv = process.env): DepartmentKeyLookup | undefined {
  const setting = env[PLATFORM_ENVIRONMENT.departmentApiKeys];
  if (!setting) return undefined;
  if (setting !== 'parameter-store') {
    const ids = JSON.parse(setting) as Record<string, string>;
    return async (department) => (Object.hasOwn(ids, department) ? ids[department] : undefined);
  }
  const names = new PlatformParameters(env[PLATFORM_ENVIRONMENT.platformPrefix] ?? '');
  const known = new Map<string, { id: string | undefined; until: number }>();
  return async (department) => {
    const cached = known.get(department);
    if (cached && cached.until > Date.now()) return cached.id;
    const name = names.department(department).apiKeyId;
    const response = await fetch(`http://localhost:${EXTENSION_PORT}/systemsmanager/parameters/get?name=${encodeURIComponent(name)}`, {
      headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
      signal: AbortSignal.timeout(2000),
    });
    // The extension answers a parameter that does not exist (a department with no key) with 400.
    if (!response.ok && response.status !== 400 && response.status !== 404) {
      throw new Error(`The parameters extension answered ${response.status} for ${name}`);
    }
    const id = response.ok ? ((await response.json()) as { Parameter?: { Value?: string } }).Parameter?.Value : undefined;
    known.set(department, { id, until: Date.now() + KEEP_MS });
    return id;
  };
}
