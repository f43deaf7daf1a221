import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as z from 'zod';
import type { RegisteredService } from '../../lambda/registry';
import { platformErrorFormat } from '../../lambda/shared/error-format';
import { defineService } from '../../lambda/shared/route';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

const demo: RegisteredService = {
  description: 'demo',
  classification: 'RESTRICTED',
  storage: {
    tables: [
      {
        name: 'cases',
        partitionKey: { name: 'pk', type: 'S' },
        indexes: [{ name: 'byOwner', partitionKey: { name: 'owner', type: 'S' } }],
      },
    ],
    buckets: [{ name: 'uploads', browserUploads: true }],
  },
  definition: defineService({
    name: 'demo',
    title: 'Demo',
    version: '1',
    basePath: '/demo',
    formatError: platformErrorFormat,
    functions: { api: 'test/constructs/fixtures/sample-handler.ts' },
    authorizers: { 'demo-key': { entry: 'test/constructs/fixtures/sample-handler.ts', header: 'authorization' } },
    routes: {
      list: {
        method: 'GET',
        path: '/demo/cases',
        auth: 'public',
        summary: 'list',
        query: z.strictObject({ q: z.string(), page: z.string().optional() }),
      },
      create: {
        method: 'POST',
        path: '/demo/cases',
        auth: 'department-officer',
        summary: 'create',
        body: z.strictObject({ title: z.string().min(1) }),
      },
      mine: { method: 'GET', path: '/demo/cases/mine', auth: 'citizen', summary: 'mine' },
      client: {
        method: 'GET',
        path: '/demo/client/{id}',
        auth: { scheme: 'demo-key' },
        summary: 'client',
        params: z.strictObject({ id: z.string() }),
      },
    },
  }),
};

describe('ServiceStack', () => {
  const stack = new ServiceStack(unitTestApp(), 'Demo', {
    config: defaultConfig(),
    service: demo,
    vpc: (scope) =>
      ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
        vpcId: 'vpc-1',
        availabilityZones: ['ap-east-1a', 'ap-east-1b'],
        isolatedSubnetIds: ['subnet-1', 'subnet-2'],
      }),
  });
  const template = Template.fromStack(stack);

  it('is named after its service', () => {
    expect(stack.stackName).toBe('gcp-Service-Demo');
  });

  it('builds the declared table and bucket and tells the function their names', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TABLE_CASES: stack.resolve(stack.tables.cases.tableName),
          BUCKET_UPLOADS: stack.resolve(stack.buckets.uploads.bucketName),
          POWERTOOLS_SERVICE_NAME: 'demo',
          STAFF_TOKEN_ISSUER: Match.anyValue(),
        }),
      },
    });
  });

  it('builds the API relative to the base path, so that a host of its own can map its root to it', () => {
    const parts = Object.values(template.findResources('AWS::ApiGateway::Resource')).map((r) => r.Properties.PathPart);
    expect(parts).toEqual(expect.arrayContaining(['cases', 'mine', 'client', '{id}']));
    expect(parts).not.toContain('demo');
  });

  it('sends the methods a path lacks to the function, which answers 405 with the allowed ones', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'ANY',
      AuthorizationType: 'NONE',
      OperationName: 'otherMethods:/demo/cases',
      Integration: Match.objectLike({ Type: 'AWS_PROXY' }),
    });
    expect(Object.values(template.findResources('AWS::ApiGateway::Method')).filter((m) => m.Properties.HttpMethod === 'ANY')).toHaveLength(
      3,
    );
  });

  it("lets a function serving department routes read which API key is each department's, through the parameters extension", () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Layers: [Match.stringLikeRegexp('AWS-Parameters-and-Secrets-Lambda-Extension-Arm64')],
      Environment: { Variables: Match.objectLike({ DEPARTMENT_API_KEYS: 'parameter-store' }) },
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'ssm:GetParameter',
            Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':parameter/gcp/departments/\\*/api-key-id$')])] },
          }),
        ]),
      },
    });
  });

  it('creates one method per route with the route auth mode', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'NONE', OperationName: 'list' });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      AuthorizationType: 'COGNITO_USER_POOLS',
      ApiKeyRequired: true,
      OperationName: 'create',
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'CUSTOM', OperationName: 'client' });
    template.resourceCountIs('AWS::ApiGateway::Authorizer', 3);
  });

  it('validates bodies and required query parameters at the edge', () => {
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      Schema: Match.objectLike({ type: 'object', required: ['title'], additionalProperties: false }),
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      OperationName: 'list',
      RequestParameters: { 'method.request.querystring.q': true },
    });
  });

  it('answers API Gateway errors in the service error shape', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      StatusCode: '401',
      ResponseTemplates: {
        'application/json':
          '{"error":{"code":"unauthorized","message":$context.error.messageString,"details":null,"requestId":"$context.requestId"}}',
      },
    });
  });

  it('logs access as JSON to an encrypted group, traces, and throttles the stage', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 })],
    });
  });

  it('puts WAF with managed rules and a per-IP rate limit in front, logging to aws-waf-logs-', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Name: 'PerIpRateLimit', Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' } } }),
      ]),
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-') });
  });

  it('alarms on 5xx rate, p99 latency, throttles, errors and dead letters', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const descriptions = alarms.map((a) => a.Properties.AlarmDescription as string);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/more than 1% of requests failed with 5xx/),
        expect.stringMatching(/p99 latency above 2 s/),
        expect.stringMatching(/ApiFunction was throttled/),
        expect.stringMatching(/ApiFunction has events in its dead-letter queue/),
      ]),
    );
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

describe('ServiceStack of the CERT', () => {
  const { SERVICES } = require('../../lambda/registry') as typeof import('../../lambda/registry');
  const stack = new ServiceStack(unitTestApp(), 'Cert', {
    config: defaultConfig(),
    service: SERVICES.cert,
    vpc: (scope) =>
      ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
        vpcId: 'vpc-1',
        availabilityZones: ['ap-east-1a', 'ap-east-1b'],
        isolatedSubnetIds: ['subnet-1', 'subnet-2'],
      }),
  });
  const template = Template.fromStack(stack);

  it('streams new incidents and files findings through the pipeline into an on-call topic', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    template.resourceCountIs('AWS::Pipes::Pipe', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Government CERT on call', KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: Match.objectLike({ source: ['aws.guardduty'] }) });
  });

  it('runs the finding filer as its declaration says: 30 s, five at once, only the item actions the pipeline grants', () => {
    const filer = stack.functions.findings;
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Government CERT: findings',
      Timeout: 30,
      ReservedConcurrentExecutions: 5,
      MemorySize: 256,
    });
    const policies = template.findResources('AWS::IAM::ManagedPolicy');
    const filerRole = stack.resolve((filer.role.node.defaultChild as import('aws-cdk-lib').CfnResource).logicalId);
    const filerActions = Object.values(policies)
      .filter((p) => JSON.stringify(p.Properties.Roles ?? []).includes(filerRole))
      .flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((st: { Action: string | string[] }) => [st.Action].flat()));
    expect(filerActions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    for (const wider of ['dynamodb:Scan', 'dynamodb:Query', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'])
      expect(filerActions).not.toContain(wider);
  });

  it('is RESTRICTED and passes all four compliance packs', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'RESTRICTED' }]) });
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

describe('ServiceStack of the open data portal', () => {
  const { SERVICES } = require('../../lambda/registry') as typeof import('../../lambda/registry');
  const stack = new ServiceStack(unitTestApp(), 'OpenData', {
    config: defaultConfig(),
    service: SERVICES['open-data'],
    vpc: (scope) =>
      ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
        vpcId: 'vpc-1',
        availabilityZones: ['ap-east-1a', 'ap-east-1b'],
        isolatedSubnetIds: ['subnet-1', 'subnet-2'],
      }),
  });
  const template = Template.fromStack(stack);
  const [distributionId] = Object.keys(template.findResources('AWS::CloudFront::Distribution'));
  const [bucketId] = Object.keys(template.findResources('AWS::S3::Bucket'));

  it('serves the files bucket through CloudFront with origin access control, HTTPS only, with security headers', () => {
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] },
            OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'https-only',
          AllowedMethods: ['GET', 'HEAD'],
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true }),
          ContentTypeOptions: { Override: true },
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'none'") }),
        }),
      }),
    });
  });

  it('lets only this distribution read the bucket, and CloudFront decrypt its objects', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: {
              StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', Match.arrayWith([{ Ref: distributionId }])] } },
            },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 'kms:Decrypt',
            Condition: { ArnLike: Match.anyValue() },
          }),
        ]),
      },
    });
  });

  it('gives the function the file and site addresses, memory for the in-memory index, and CORS for browser uploads', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1769,
      Environment: {
        Variables: Match.objectLike({
          OPEN_DATA_DOWNLOAD_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
          OPEN_DATA_SITE_URL: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/v1/open-data$')])] },
          TABLE_CATALOG: Match.anyValue(),
          BUCKET_RESOURCES: Match.anyValue(),
        }),
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT'], AllowedHeaders: ['*'] })] },
    });
  });

  it('routes the public sites without an authorizer and the publishers’ site through the staff pool and an API key', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', { OperationName: 'getTcAction', AuthorizationType: 'NONE' });
    template.hasResourceProperties('AWS::ApiGateway::Method', { OperationName: 'getActionUnversioned', AuthorizationType: 'NONE' });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      OperationName: 'postPublisherAction',
      AuthorizationType: 'COGNITO_USER_POOLS',
      ApiKeyRequired: true,
    });
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      ResponseTemplates: {
        'application/json': Match.stringLikeRegexp(
          '"success":false,"error":\\{"__type":"Authorization Error","message":\\$context.error.messageString',
        ),
      },
    });
  });

  it('has no dependency cycle between its resources (the function names the API it serves)', () => {
    const resources = template.toJSON().Resources as Record<string, { Properties?: unknown; DependsOn?: string | string[] }>;
    const refs = (value: unknown, out: Set<string>): Set<string> => {
      if (Array.isArray(value)) for (const item of value) refs(item, out);
      else if (value && typeof value === 'object') {
        const v = value as Record<string, unknown>;
        if (typeof v.Ref === 'string' && resources[v.Ref]) out.add(v.Ref);
        const getAtt = v['Fn::GetAtt'] as string[] | undefined;
        if (getAtt && resources[getAtt[0]]) out.add(getAtt[0]);
        for (const item of Object.values(v)) refs(item, out);
      }
      return out;
    };
    const done = new Set<string>();
    const visit = (id: string, path: readonly string[]): void => {
      if (done.has(id)) return;
      if (path.includes(id)) throw new Error(`cycle: ${[...path, id].join(' -> ')}`);
      const resource = resources[id];
      for (const dep of [...refs(resource.Properties, new Set()), ...[resource.DependsOn ?? []].flat()]) visit(dep, [...path, id]);
      done.add(id);
    };
    expect(() => {
      for (const id of Object.keys(resources)) visit(id, []);
    }).not.toThrow();
  });

  it('is UNCLASSIFIED and passes all four compliance packs', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'UNCLASSIFIED' }]),
    });
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

describe('ServiceStack of a service with buckets and no tables', () => {
  const archive: RegisteredService = {
    ...demo,
    storage: { tables: [], buckets: [{ name: 'documents' }] },
    definition: defineService({ ...demo.definition, name: 'archive', title: 'Archive', basePath: '/demo' }),
  };
  const stack = new ServiceStack(unitTestApp(), 'Archive', {
    config: defaultConfig(),
    service: archive,
    vpc: (scope) =>
      ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
        vpcId: 'vpc-1',
        availabilityZones: ['ap-east-1a', 'ap-east-1b'],
        isolatedSubnetIds: ['subnet-1', 'subnet-2'],
      }),
  });
  const template = Template.fromStack(stack);
  const statementsOf = (role: { roleName: string }) =>
    Object.values(template.findResources('AWS::IAM::ManagedPolicy')).find((p) =>
      JSON.stringify(p.Properties.Roles).includes(stack.resolve(role.roleName).Ref),
    )?.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>;
  const keyArn = stack.resolve(stack.key.keyArn);
  const objects = stack.resolve(stack.buckets.documents.arnForObjects('*'));

  it('lets the functions decrypt, and the API function encrypt, what the bucket holds with the service key', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    expect(statementsOf(stack.functions.api.role)).toEqual(
      expect.arrayContaining([
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: objects },
        {
          Effect: 'Allow',
          Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
          Resource: keyArn,
        },
      ]),
    );
    expect(statementsOf(stack.authorizerFunctions['demo-key'].role)).toEqual(
      expect.arrayContaining([
        { Effect: 'Allow', Action: 's3:GetObject', Resource: objects },
        { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: keyArn },
      ]),
    );
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
