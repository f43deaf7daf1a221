import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { allowRequest, requestHeader, unauthorizedRequest } from '../../shared/lambda-authorizer';
import { authorizeRequest } from '../app/authenticate';
import { notifyAuthorizerPorts } from '../compose';
import { NOTIFY_AUTH_SCHEME } from '../routes';

/**
 * The `notify-jwt` REQUEST authorizer: checks the bearer JWT as Notify does. A request without
 * an Authorization header never reaches here in AWS; local mode asks anyway, and gets the same 401.
 */
export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const authorization = requestHeader(event, 'authorization');
  if (!authorization) throw unauthorizedRequest();
  const authorized = await authorizeRequest(authorization, await notifyAuthorizerPorts());
  return allowRequest(event, NOTIFY_AUTH_SCHEME, authorized.principalId, authorized.context);
}
