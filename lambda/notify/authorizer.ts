import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { allowRequest, requestHeader, unauthorizedRequest } from '../shared/lambda-authorizer';
import { NOTIFY_AUTH_SCHEME, REFUSED_TOKEN_CONTEXT } from './auth-context';
import { NotifyError } from './domain/errors';
import { notifyPorts } from './runtime';
import { authenticateRequest, callerContext } from './service';

/**
 * The `notify-jwt` REQUEST authorizer: checks the bearer JWT as Notify does. A refused token is
 * let through marked with Notify's message and status, which the handler answers as Notify's
 * AuthError body (API Gateway could only answer with a body of its own). A request without an
 * Authorization header never reaches here in AWS; local mode asks anyway, and gets the same 401.
 */
export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const authorization = requestHeader(event, 'authorization');
  if (!authorization) throw unauthorizedRequest();
  try {
    const caller = await authenticateRequest(authorization, await notifyPorts());
    return allowRequest(event, NOTIFY_AUTH_SCHEME, caller.service.id, callerContext(caller));
  } catch (err) {
    if (!(err instanceof NotifyError)) throw err;
    return allowRequest(event, NOTIFY_AUTH_SCHEME, 'refused', {
      [REFUSED_TOKEN_CONTEXT.message]: err.errors[0]?.message ?? 'Invalid token',
      [REFUSED_TOKEN_CONTEXT.status]: String(err.statusCode),
    });
  }
}
