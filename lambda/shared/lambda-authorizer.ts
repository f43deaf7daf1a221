import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';

/**
 * What a service's Lambda REQUEST authorizer answers. API Gateway (and local mode, acting as
 * it) passes `principalId` and the context on to the handler as `requestContext.authorizer`,
 * where `callerFromContext` reads the scheme and principal back as a `client` caller.
 */
export function allowRequest(
  event: Pick<APIGatewayRequestAuthorizerEvent, 'methodArn'>,
  scheme: string,
  principalId: string,
  context: Readonly<Record<string, string>>,
): APIGatewayAuthorizerResult {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
    },
    context: { ...context, scheme, principalId },
  };
}

/** A request header by name, in any case. */
export function requestHeader(event: Pick<APIGatewayRequestAuthorizerEvent, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted && value) return value;
  return undefined;
}

/** Thrown to make API Gateway answer 401 (its UNAUTHORIZED gateway response), as local mode does too. */
export function unauthorizedRequest(): Error {
  return new Error('Unauthorized');
}
