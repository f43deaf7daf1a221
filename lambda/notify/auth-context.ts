import type { HttpError } from '../shared/errors';
import type { Caller } from '../shared/identity';
import { authError } from './domain/errors';
import { notifyHttpError } from './error-format';

/** Notify's own credentials: an HS256 JWT made from a department's API key, checked by the service's authorizer. */
export const NOTIFY_AUTH_SCHEME = 'notify-jwt';

/**
 * Context keys with which the authorizer passes on a refused token (Notify's message and
 * status), so the handler answers Notify's AuthError body rather than API Gateway's.
 */
export const REFUSED_TOKEN_CONTEXT = { message: 'authError', status: 'authStatus' } as const;

/**
 * The refusal the authorizer passed on with the caller, as Notify's AuthError (401 or 403 with
 * Notify's message); undefined for a caller whose token was accepted.
 */
export function refusedToken(caller: Caller): HttpError | undefined {
  if (caller.kind !== 'client' || caller.scheme !== NOTIFY_AUTH_SCHEME) return undefined;
  const refused = caller.attributes[REFUSED_TOKEN_CONTEXT.message];
  if (!refused) return undefined;
  return notifyHttpError(authError(refused, Number(caller.attributes[REFUSED_TOKEN_CONTEXT.status]) === 401 ? 401 : 403));
}
