import { isHttpError } from '../../shared/errors';
import type { Caller } from '../../shared/identity';
import { authenticate, type NotifyCaller } from '../domain/auth';
import { authError } from '../errors';
import type { NotifyPorts } from '../ports';
import { REFUSED_TOKEN_CONTEXT } from '../routes';

/**
 * Notify's authentication, split as API Gateway runs it: the service's authorizer checks the
 * bearer JWT and passes the caller on as a flat map of strings; the API function reloads the
 * service it names.
 */

/** What checking a token needs: the services' keys, the box their secrets are sealed in, the time. */
export type AuthenticationPorts = Pick<NotifyPorts, 'directory' | 'box' | 'clock'>;

/** Checks a request's `Authorization` header as Notify does; throws Notify's AuthError. */
export function authenticateRequest(authorization: string | undefined, ports: AuthenticationPorts): Promise<NotifyCaller> {
  return authenticate(authorization, {
    findServiceWithKeys: (serviceId) => ports.directory.findServiceWithKeys(serviceId),
    box: ports.box,
    now: ports.clock(),
  });
}

export type NotifyCallerContext = { readonly serviceId: string; readonly apiKeyId: string; readonly apiKeyType: string };

export function callerContext(caller: NotifyCaller): NotifyCallerContext {
  return { serviceId: caller.service.id, apiKeyId: caller.apiKey.id, apiKeyType: caller.apiKey.type };
}

/** What the authorizer answers API Gateway with. */
export interface AuthorizedRequest {
  readonly principalId: string;
  readonly context: Readonly<Record<string, string>>;
}

/**
 * The authorizer's answer for a request with an Authorization header. A refused token is let
 * through marked with Notify's message and status, which the API function answers as Notify's
 * AuthError body (API Gateway could only answer with a body of its own).
 */
export async function authorizeRequest(authorization: string, ports: AuthenticationPorts): Promise<AuthorizedRequest> {
  try {
    const caller = await authenticateRequest(authorization, ports);
    return { principalId: caller.service.id, context: callerContext(caller) };
  } catch (err) {
    if (!isHttpError(err)) throw err;
    return {
      principalId: 'refused',
      context: { [REFUSED_TOKEN_CONTEXT.message]: err.message, [REFUSED_TOKEN_CONTEXT.status]: String(err.status) },
    };
  }
}

/** The caller as the authorizer passed it on, reloaded: a key revoked since is refused. */
export async function callerFromContext(context: Partial<NotifyCallerContext>, ports: NotifyPorts): Promise<NotifyCaller> {
  if (!context.serviceId || !context.apiKeyId) throw authError('Unauthorized: authentication token must be provided', 401);
  const [service, key] = await Promise.all([
    ports.directory.getService(context.serviceId),
    ports.directory.getApiKey(context.serviceId, context.apiKeyId),
  ]);
  if (!service || !key) throw authError('Invalid token: API key not found');
  if (key.revokedAt) throw authError('Invalid token: API key revoked');
  if (!service.active) throw authError('Invalid token: service is archived');
  return { service, apiKey: { id: key.id, name: key.name, type: key.type } };
}

/** The Notify service a request acts for; the runtime has already refused callers without an accepted token. */
export function notifyCaller(caller: Caller, ports: NotifyPorts): Promise<NotifyCaller> {
  return callerFromContext(caller.kind === 'client' ? caller.attributes : {}, ports);
}
