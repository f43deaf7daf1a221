import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { HttpError } from '../../lambda/shared/errors';
import type { ServiceDefinition } from '../../lambda/shared/route';

const MESSAGE = '__GATEWAY_MESSAGE__';
const REQUEST_ID = '__GATEWAY_REQUEST_ID__';

/** Responses API Gateway gives itself, before the function runs, reshaped to the service's error format. */
const GATEWAY_RESPONSES: ReadonlyArray<[apigateway.ResponseType, number, string]> = [
  [apigateway.ResponseType.UNAUTHORIZED, 401, 'unauthorized'],
  [apigateway.ResponseType.EXPIRED_TOKEN, 401, 'unauthorized'],
  [apigateway.ResponseType.INVALID_SIGNATURE, 401, 'unauthorized'],
  [apigateway.ResponseType.ACCESS_DENIED, 403, 'forbidden'],
  [apigateway.ResponseType.INVALID_API_KEY, 403, 'forbidden'],
  [apigateway.ResponseType.WAF_FILTERED, 403, 'forbidden'],
  [apigateway.ResponseType.MISSING_AUTHENTICATION_TOKEN, 404, 'not_found'],
  [apigateway.ResponseType.RESOURCE_NOT_FOUND, 404, 'not_found'],
  [apigateway.ResponseType.BAD_REQUEST_BODY, 400, 'validation_failed'],
  [apigateway.ResponseType.BAD_REQUEST_PARAMETERS, 400, 'validation_failed'],
  [apigateway.ResponseType.REQUEST_TOO_LARGE, 413, 'payload_too_large'],
  [apigateway.ResponseType.UNSUPPORTED_MEDIA_TYPE, 415, 'unsupported_media_type'],
  [apigateway.ResponseType.THROTTLED, 429, 'too_many_requests'],
  [apigateway.ResponseType.QUOTA_EXCEEDED, 429, 'too_many_requests'],
  [apigateway.ResponseType.DEFAULT_5XX, 502, 'internal_error'],
];

/**
 * A mapping template rendering the service's own error body, with API Gateway's message and
 * request id filled in, so a client sees one error shape whoever answered.
 */
export function gatewayErrorTemplate(service: ServiceDefinition, status: number, code: string): string {
  const body = JSON.stringify(service.formatError(new HttpError(status, code, MESSAGE), REQUEST_ID));
  return body.replace(`"${MESSAGE}"`, '$context.error.messageString').replaceAll(REQUEST_ID, '$context.requestId');
}

export function addGatewayResponses(api: apigateway.RestApi, service: ServiceDefinition): void {
  for (const [type, status, code] of GATEWAY_RESPONSES) {
    api.addGatewayResponse(`GatewayResponse${type.responseType}`, {
      type,
      statusCode: String(status),
      responseHeaders: { 'x-request-id': 'context.requestId' },
      templates: { 'application/json': gatewayErrorTemplate(service, status, code) },
    });
  }
}
