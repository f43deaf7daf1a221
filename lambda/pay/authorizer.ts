import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { allowRequest, requestHeader, unauthorizedRequest } from '../shared/lambda-authorizer';
import { PayAuthError } from './domain/errors';
import { PAY_AUTH_SCHEME } from './routes';
import { authenticatePayRequest, payCallerContext } from './service';
import { DynamoPaymentStore } from './store/payments';

/** Keys are found by their hash alone: the authorizer needs the table, never the secret box. */
const store = new DynamoPaymentStore();

/**
 * The `pay-api-key` REQUEST authorizer: `Authorization: Bearer api_…`, looked up by its hash. A
 * missing, unknown or revoked key is a 401, which API Gateway (and local mode) answer with
 * Pay's own body through the service's error format.
 */
export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  try {
    const caller = await authenticatePayRequest(requestHeader(event, 'authorization'), { store });
    return allowRequest(event, PAY_AUTH_SCHEME, caller.account.id, payCallerContext(caller));
  } catch (err) {
    throw err instanceof PayAuthError ? unauthorizedRequest() : err;
  }
}
