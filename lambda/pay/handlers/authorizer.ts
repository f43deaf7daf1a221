import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { allowRequest, requestHeader, unauthorizedRequest } from '../../shared/lambda-authorizer';
import { findPayCaller, payCallerContext } from '../app/authenticate';
import { payKeyPorts } from '../compose';
import { PAY_AUTH_SCHEME } from '../routes';

/**
 * The `pay-api-key` REQUEST authorizer: `Authorization: Bearer api_…`, looked up by its hash. A
 * missing, unknown or revoked key is a 401, which API Gateway (and local mode) answer with
 * Pay's own body through the service's error format.
 */
export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const caller = await findPayCaller(requestHeader(event, 'authorization'), await payKeyPorts());
  if (!caller) throw unauthorizedRequest();
  return allowRequest(event, PAY_AUTH_SCHEME, caller.account.id, payCallerContext(caller));
}
