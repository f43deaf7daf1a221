import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as z from 'zod';
import {
  type AuthMode,
  authScheme,
  poolMode,
  type RouteDefinition,
  routeFunction,
  type ServiceDefinition,
} from '../../lambda/shared/route';
import { acknowledge } from '../compliance/acknowledge';
import { addGatewayResponses } from './service-api-gateway-responses';
import { ServiceWaf } from './service-waf';

export interface ServiceApiProps {
  readonly service: ServiceDefinition;
  /** The functions serving the routes, by the function name routes declare. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** Lambda authorizers for the service's own auth schemes, by scheme. @default - none */
  readonly authorizerFunctions?: Readonly<Record<string, lambda.IFunction>>;
  /** Gives the citizen or staff user pool, called only if a route needs its authorizer. */
  readonly userPool: (audience: 'citizen' | 'staff') => cognito.IUserPool;
  /** Key encrypting the access and WAF log groups. */
  readonly encryptionKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  /**
   * Serve the API only through this execute-api interface endpoint of the platform network.
   * @default - a regional API reachable from the internet, behind WAF
   */
  readonly privateEndpointId?: string;
  /** @default 200 requests per second for the stage */
  readonly rateLimit?: number;
  /** @default 400 */
  readonly burstLimit?: number;
  /** Requests one IP address may make in five minutes before WAF blocks it. @default 2000 */
  readonly perIpLimit?: number;
}

/**
 * A service's REST API, built from its route declarations: one resource per path segment, one
 * method per route with the route's auth mode (Cognito authorizers for citizens and staff, API
 * keys for department routes, the service's own Lambda authorizer for its standard's scheme),
 * edge request validation, JSON access logs, X-Ray, stage throttling, WAF, and error responses
 * from API Gateway itself in the service's own error shape.
 */
export class ServiceApi extends Construct {
  public readonly api: apigateway.RestApi;
  public readonly stage: apigateway.Stage;
  public readonly accessLogs: logs.LogGroup;
  /** Cognito authorizers by pool, made when a route first needs one (an unused one fails synth). */
  private readonly poolAuthorizers = new Map<'citizen' | 'staff', apigateway.CognitoUserPoolsAuthorizer>();
  private readonly userPool: (audience: 'citizen' | 'staff') => cognito.IUserPool;
  private readonly schemeAuthorizers = new Map<string, apigateway.RequestAuthorizer>();
  private readonly validator: apigateway.RequestValidator;
  private readonly service: ServiceDefinition;

  constructor(scope: Construct, id: string, props: ServiceApiProps) {
    super(scope, id);
    const { service } = props;
    this.service = service;
    this.userPool = props.userPool;
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      encryptionKey: props.encryptionKey,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = this.restApi(props);
    this.stage = this.api.deploymentStage;
    acknowledgeStage(this.stage);
    this.addSchemeAuthorizers(props.authorizerFunctions ?? {});
    this.validator = new apigateway.RequestValidator(this, 'Validator', {
      restApi: this.api,
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    this.addRoutes(props.functions);
    addGatewayResponses(this.api, service);
    new ServiceWaf(this, 'Waf', {
      stage: this.stage,
      encryptionKey: props.encryptionKey,
      logRetention: props.logRetention,
      perIpLimit: props.perIpLimit ?? 2000,
    });
  }

  /** The REST API and its `v1` stage: JSON access logs, tracing, throttling; private behind the endpoint if one is given. */
  private restApi(props: ServiceApiProps): apigateway.RestApi {
    const { service } = props;
    const isPrivate = props.privateEndpointId !== undefined;
    return new apigateway.RestApi(this, 'Api', {
      restApiName: `${Stack.of(this).stackName}-${service.name}`,
      description: `${service.title} (${service.basePath})`,
      endpointConfiguration: { types: [isPrivate ? apigateway.EndpointType.PRIVATE : apigateway.EndpointType.REGIONAL] },
      policy: isPrivate ? privatePolicy(props.privateEndpointId as string) : undefined,
      cloudWatchRole: false,
      deployOptions: {
        stageName: 'v1',
        accessLogDestination: new apigateway.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: false,
        }),
        tracingEnabled: true,
        throttlingRateLimit: props.rateLimit ?? 200,
        throttlingBurstLimit: props.burstLimit ?? 400,
        metricsEnabled: true,
      },
      minCompressionSize: undefined,
      disableExecuteApiEndpoint: false,
      binaryMediaTypes: binaryMediaTypesOf(service),
    });
  }

  /** One request authorizer per scheme of the service's own, each from its declared header. */
  private addSchemeAuthorizers(functions: Readonly<Record<string, lambda.IFunction>>): void {
    const { service } = this;
    for (const [scheme, fn] of Object.entries(functions)) {
      acknowledge(
        fn,
        'ControlTower::CT.LAMBDA.PR.2',
        "API Gateway's permission to call the authorizer names its source, this API's authorizer ARN; it is built with Fn::Join, which the control cannot read as a literal.",
      );
      const definition = service.authorizers?.[scheme];
      if (!definition) throw new Error(`${service.name} has no authorizer scheme '${scheme}'.`);
      this.schemeAuthorizers.set(
        scheme,
        new apigateway.RequestAuthorizer(this, `Authorizer-${scheme}`, {
          handler: fn,
          identitySources: [apigateway.IdentitySource.header(definition.header)],
          resultsCacheTtl: Duration.seconds(0),
        }),
      );
    }
  }

  /** A method per declared route, integrated with the function that serves it. */
  private addRoutes(functions: Readonly<Record<string, lambda.IFunction>>): void {
    const { service } = this;
    const integrations = new Map<string, apigateway.LambdaIntegration>();
    for (const [name, fn] of Object.entries(functions)) {
      integrations.set(name, new apigateway.LambdaIntegration(fn, { proxy: true, scopePermissionToMethod: false }));
    }
    const paths = new Map<string, apigateway.LambdaIntegration>();
    for (const [routeId, route] of Object.entries(service.routes)) {
      const integration = integrations.get(routeFunction(route));
      if (!integration) throw new Error(`${service.name}: route ${routeId} needs function '${routeFunction(route)}', which was not given.`);
      this.addRoute(routeId, route, integration);
      if (!paths.has(route.path) || routeFunction(route) === 'api') paths.set(route.path, integration);
    }
    for (const [path, integration] of paths) this.addOtherMethods(path, integration);
    acknowledge(
      this.api,
      'ControlTower::CT.LAMBDA.PR.2',
      "The API's invoke permission names its source, this API's execute-api ARN; it is built with Fn::Join, which the control cannot read as a literal.",
    );
  }

  /**
   * The API resource of a route: the API is built relative to the service's base path, so that a
   * host of the service's own can map its root to the API, and the platform's shared host its base path.
   */
  private resourceOf(path: string): apigateway.IResource {
    const own = path.slice(this.service.basePath.length);
    return own === '' ? this.api.root : this.api.root.resourceForPath(own);
  }

  /**
   * Any other method on a route's path reaches the function, which answers 405 with the methods
   * the path has (API Gateway itself would answer 403 as if the path did not exist).
   */
  private addOtherMethods(path: string, integration: apigateway.LambdaIntegration): void {
    const method = this.resourceOf(path).addMethod('ANY', integration, {
      operationName: `otherMethods:${path}`,
      authorizationType: apigateway.AuthorizationType.NONE,
    });
    acknowledge(
      method,
      ['AwsSolutions-APIG4', 'AwsSolutions-COG4', 'CKV_AWS_59'],
      "Only methods the path does not declare come here: the function answers 405 with the allowed methods before it reads the request or any data; WAF's managed rules and per-IP rate limit apply.",
    );
  }

  private addRoute(routeId: string, route: RouteDefinition, integration: apigateway.LambdaIntegration): void {
    const resource = this.resourceOf(route.path);
    // A service whose standard words its own validation errors (requestError) validates bodies
    // in its function, so clients see those errors rather than API Gateway's; form bodies have
    // no JSON model at all.
    const validateAtEdge = route.body && (route.bodyFormat ?? 'json') === 'json' && !this.service.requestError;
    const bodyModel = validateAtEdge ? this.bodyModel(routeId, route.body as z.ZodType) : undefined;
    const requiredQuery = route.query ? requiredKeys(route.query) : [];
    const method = resource.addMethod(route.method, integration, {
      operationName: routeId,
      ...this.authorization(route.auth),
      apiKeyRequired: route.auth === 'department-officer',
      requestValidator: this.validator,
      requestModels: bodyModel ? { 'application/json': bodyModel } : undefined,
      requestParameters: Object.fromEntries(requiredQuery.map((q) => [`method.request.querystring.${q}`, true])),
    });
    const scheme = authScheme(route.auth);
    if (route.auth === 'public' || scheme !== undefined) {
      acknowledge(
        method,
        ['AwsSolutions-APIG4', 'AwsSolutions-COG4', 'CKV_AWS_59'],
        scheme !== undefined
          ? `Authorized by the service's own Lambda authorizer for its standard's '${scheme}' credentials; WAF rate limits and managed rules apply.`
          : 'Public by design (open information); WAF managed rules and a per-IP rate limit protect it, and it changes no data of any caller.',
      );
    }
  }

  private authorization(auth: AuthMode): Pick<apigateway.MethodOptions, 'authorizer' | 'authorizationType'> {
    if (auth === 'public') return { authorizationType: apigateway.AuthorizationType.NONE };
    const scheme = authScheme(auth);
    if (scheme !== undefined) {
      const authorizer = this.schemeAuthorizers.get(scheme);
      if (!authorizer) throw new Error(`No Lambda authorizer was given for scheme '${scheme}'.`);
      return { authorizer, authorizationType: apigateway.AuthorizationType.CUSTOM };
    }
    // A route requiring an assurance level is a citizen route; the function checks the level.
    return {
      authorizer: this.poolAuthorizer(poolMode(auth) === 'citizen' ? 'citizen' : 'staff'),
      authorizationType: apigateway.AuthorizationType.COGNITO,
    };
  }

  private poolAuthorizer(pool: 'citizen' | 'staff'): apigateway.CognitoUserPoolsAuthorizer {
    let authorizer = this.poolAuthorizers.get(pool);
    if (!authorizer) {
      const id = pool === 'citizen' ? 'CitizenAuthorizer' : 'StaffAuthorizer';
      authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, id, { cognitoUserPools: [this.userPool(pool)] });
      this.poolAuthorizers.set(pool, authorizer);
    }
    return authorizer;
  }

  private bodyModel(routeId: string, body: z.ZodType): apigateway.Model {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(body, { target: 'draft-4', io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    return this.api.addModel(`${routeId}Body`, {
      contentType: 'application/json',
      schema: { schema: apigateway.JsonSchemaVersion.DRAFT4, ...(schema as apigateway.JsonSchema) },
    });
  }
}

/** What the stage does instead of execution logs, a cache and client certificates. */
function acknowledgeStage(stage: apigateway.Stage): void {
  acknowledge(
    stage,
    [
      'AwsSolutions-APIG6',
      'NIST.800.53.R5-APIGWExecutionLoggingEnabled',
      'HIPAA.Security-APIGWExecutionLoggingEnabled',
      'PCI.DSS.321-APIGWExecutionLoggingEnabled',
      'ControlTower::CT.APIGATEWAY.PR.1',
    ],
    'Execution logs would hold request bodies with personal data and cannot be KMS-encrypted; every request is recorded in the JSON access log, which is KMS-encrypted and retained.',
  );
  acknowledge(
    stage,
    [
      'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
      'HIPAA.Security-APIGWCacheEnabledAndEncrypted',
      'PCI.DSS.321-APIGWCacheEnabledAndEncrypted',
      'CKV_AWS_120',
    ],
    'Responses depend on the caller, so the stage cache stays off: nothing is cached that could be served to another caller, and nothing is left unencrypted at rest.',
  );
  acknowledge(
    stage,
    ['NIST.800.53.R5-APIGWSSLEnabled', 'HIPAA.Security-APIGWSSLEnabled', 'PCI.DSS.321-APIGWSSLEnabled'],
    'The backends are Lambda proxy integrations invoked over AWS signed requests; a client certificate only applies to HTTP backends.',
  );
}

function requiredKeys(query: z.ZodObject): string[] {
  return Object.entries(query.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key);
}

function privatePolicy(endpointId: string): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({
        principals: [new iam.AnyPrincipal()],
        actions: ['execute-api:Invoke'],
        resources: ['execute-api:/*'],
      }),
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['execute-api:Invoke'],
        resources: ['execute-api:/*'],
        conditions: { StringNotEquals: { 'aws:SourceVpce': endpointId } },
      }),
    ],
  });
}

/**
 * The binary media types a service's routes answer with (a records bag's `application/x-tar`):
 * API Gateway passes their base64 bodies as bytes. None for a service of JSON and text only.
 */
export function binaryMediaTypesOf(service: ServiceDefinition): string[] | undefined {
  const textual = (type: string) =>
    type.startsWith('text/') || /[/+](json|xml)$/.test(type) || type === 'application/x-www-form-urlencoded';
  const types = Object.values(service.routes).flatMap((r) => (r.responseType === undefined ? [] : [r.responseType].flat()));
  const binary = [...new Set(types.filter((t) => !textual(t)))].sort();
  return binary.length > 0 ? binary : undefined;
}
