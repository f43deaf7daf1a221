/** Notify's own credentials: an HS256 JWT made from a department's API key, checked by the service's authorizer. */
export const NOTIFY_AUTH_SCHEME = 'notify-jwt';

/**
 * Context keys with which the authorizer passes on a refused token (Notify's message and
 * status), so the handler answers Notify's AuthError body rather than API Gateway's.
 */
export const REFUSED_TOKEN_CONTEXT = { message: 'authError', status: 'authStatus' } as const;
