import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import type { SecretBox } from '../../shared/sealed-secret';
import { authError } from '../errors';
import type { ApiKeyRecord, ApiKeyType, NotifyService } from './model';

/**
 * Notify's authentication: a bearer JWT signed HS256 with one of the service's API key secrets,
 * `iss` naming the service and `iat` within 30 seconds of the server's clock. The token names no
 * key, so each of the service's keys is tried, as Notify does. Messages are Notify's.
 */
export const CLOCK_SKEW_SECONDS = 30;

export interface NotifyCallerKey {
  readonly id: string;
  readonly name: string;
  readonly type: ApiKeyType;
}

/** Who is calling: the service a handler acts for and the key it used. */
export interface NotifyCaller {
  readonly service: NotifyService;
  readonly apiKey: NotifyCallerKey;
}

export interface ServiceKeys {
  readonly service: NotifyService;
  readonly keys: readonly ApiKeyRecord[];
}

export interface AuthenticateDeps {
  /** The service and all its keys (revoked ones included), or undefined when there is none. */
  readonly findServiceWithKeys: (serviceId: string) => Promise<ServiceKeys | undefined>;
  readonly box: SecretBox;
  readonly now: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVALID_SIGNATURE = 'Invalid token: signature, api token is not valid';

export function bearerToken(authorization: string | undefined): string {
  if (!authorization) throw authError('Unauthorized: authentication token must be provided', 401);
  if (authorization.slice(0, 7).toLowerCase() !== 'bearer ')
    throw authError('Unauthorized: authentication bearer scheme must be used', 401);
  return authorization.slice(7).trim();
}

export async function authenticate(authorization: string | undefined, deps: AuthenticateDeps): Promise<NotifyCaller> {
  const token = bearerToken(authorization);
  const issuer = readIssuer(token);
  if (!UUID.test(issuer)) throw authError('Invalid token: service id is not the right data type');
  const found = await deps.findServiceWithKeys(issuer.toLowerCase());
  if (!found) throw authError('Invalid token: service not found');
  if (found.keys.length === 0) throw authError('Invalid token: service has no API keys');
  if (!found.service.active) throw authError('Invalid token: service is archived');

  for (const key of found.keys) {
    const secret = openOrUndefined(deps.box, key.sealedSecret);
    const payload = secret === undefined ? undefined : await verifiedPayload(token, secret);
    if (!payload) continue;
    if (key.revokedAt) throw authError('Invalid token: API key revoked');
    checkIssuedAt(payload.iat, deps.now);
    return { service: found.service, apiKey: { id: key.id, name: key.name, type: key.type } };
  }
  throw authError('Invalid token: API key not found');
}

/** A secret sealed under another box key (a key rotated without resealing) cannot match. */
function openOrUndefined(box: SecretBox, sealed: string): string | undefined {
  try {
    return box.open(sealed);
  } catch {
    return undefined;
  }
}

function readIssuer(token: string): string {
  let iss: unknown;
  try {
    if (decodeProtectedHeader(token).alg !== 'HS256') throw new Error('not HS256');
    iss = decodeJwt(token).iss;
  } catch {
    throw authError(INVALID_SIGNATURE);
  }
  if (typeof iss !== 'string' || iss === '') throw authError('Invalid token: iss field not provided');
  return iss;
}

async function verifiedPayload(token: string, secret: string): Promise<{ iat?: unknown } | undefined> {
  try {
    const { payload } = await compactVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
    return JSON.parse(new TextDecoder().decode(payload)) as { iat?: unknown };
  } catch {
    return undefined;
  }
}

function checkIssuedAt(iat: unknown, now: Date): void {
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw authError('Invalid token: iat field not provided');
  if (Math.abs(now.getTime() / 1000 - iat) > CLOCK_SKEW_SECONDS)
    throw authError('Error: Your system clock must be accurate to within 30 seconds');
}
