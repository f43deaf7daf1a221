import { authenticate, type NotifyCaller } from '../domain/auth';
import { authError } from '../domain/errors';
import type { NotifyPorts } from './ports';

/** Checks a request's `Authorization` header as Notify does; throws Notify's AuthError. */
export function authenticateRequest(authorization: string | undefined, ports: NotifyPorts): Promise<NotifyCaller> {
  return authenticate(authorization, {
    findServiceWithKeys: (serviceId) => ports.directory.findServiceWithKeys(serviceId),
    box: ports.box,
    now: ports.clock(),
  });
}

/**
 * The caller as a Lambda authorizer passes it on (a flat map of strings), and back: the
 * authorizer checks the token, the handler reloads the service it names.
 */
export type NotifyCallerContext = { readonly serviceId: string; readonly apiKeyId: string; readonly apiKeyType: string };

export function callerContext(caller: NotifyCaller): NotifyCallerContext {
  return { serviceId: caller.service.id, apiKeyId: caller.apiKey.id, apiKeyType: caller.apiKey.type };
}

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
