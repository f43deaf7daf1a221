import { charge, type Pricing, unitPrice } from '../pricing';

/** What the services run on: billed by use, apart from sign-in's monthly active users. */
export const SERVICES_PRICING: Record<string, Pricing> = {
  'AWS::Cognito::UserPool': {
    kind: 'baseline',
    items: (r, ctx) => {
      const users = ctx.assumptions.monthlyActiveUsers;
      const tier = r.Properties?.UserPoolTier ?? 'ESSENTIALS';
      if (tier === 'PLUS') return [charge(ctx, 'user pool, Plus tier', 'cognitoPlusMau', users, `${users.toLocaleString('en')} MAU`)];
      const billed = Math.max(0, users - 10_000);
      const name = tier === 'LITE' ? 'cognitoLiteMau' : 'cognitoEssentialsMau';
      return [
        charge(
          ctx,
          `user pool, ${tier === 'LITE' ? 'Lite' : 'Essentials'} tier`,
          name,
          billed,
          `${users.toLocaleString('en')} MAU, 10,000 free`,
        ),
      ];
    },
  },
  'AWS::Lambda::Function': {
    kind: 'usage',
    items: (r, ctx) => {
      const gb = (r.Properties?.MemorySize ?? 128) / 1024;
      const seconds = ctx.assumptions.lambdaMilliseconds / 1000;
      const compute = ctx.prices.price('lambdaArmGbSecond');
      return [
        unitPrice(ctx, 'Lambda requests', 'lambdaRequestsMillion'),
        {
          item: `Lambda compute (${r.Properties?.MemorySize ?? 128} MB, ${ctx.assumptions.lambdaMilliseconds} ms each)`,
          usd: compute.usd * gb * seconds * 1_000_000,
          per: 'million requests',
        },
      ];
    },
  },
  'AWS::ApiGateway::RestApi': { kind: 'usage', items: (_r, ctx) => [unitPrice(ctx, 'API Gateway REST requests', 'apiGatewayRestMillion')] },
  'AWS::DynamoDB::Table': {
    kind: 'usage',
    items: (r, ctx) =>
      r.Properties?.BillingMode === 'PAY_PER_REQUEST'
        ? [
            unitPrice(ctx, 'DynamoDB on-demand writes', 'dynamodbWriteMillion'),
            unitPrice(ctx, 'DynamoDB on-demand reads', 'dynamodbReadMillion'),
            unitPrice(ctx, 'DynamoDB storage', 'dynamodbStorageGbMonth'),
          ]
        : [],
  },
  'AWS::S3::Bucket': {
    kind: 'usage',
    items: (_r, ctx) => [
      unitPrice(ctx, 'S3 PUT, COPY, POST, LIST', 's3PutThousand'),
      unitPrice(ctx, 'S3 GET and others', 's3GetThousand'),
      unitPrice(ctx, 'S3 Standard storage', 's3StandardGbMonth'),
    ],
  },
  'AWS::SQS::Queue': { kind: 'usage', items: (_r, ctx) => [unitPrice(ctx, 'SQS requests', 'sqsMillion')] },
  'AWS::SNS::Topic': { kind: 'usage', items: (_r, ctx) => [unitPrice(ctx, 'SNS publishes', 'snsPublishMillion')] },
  'AWS::KinesisFirehose::DeliveryStream': {
    kind: 'usage',
    items: (_r, ctx) => [unitPrice(ctx, 'Firehose ingestion', 'firehoseIngestGb')],
  },
  'AWS::SES::ConfigurationSet': { kind: 'usage', items: (_r, ctx) => [unitPrice(ctx, 'SES e-mails sent', 'sesThousandEmails')] },
  'AWS::Pipes::Pipe': { kind: 'usage', items: (_r, ctx) => [unitPrice(ctx, 'EventBridge Pipes requests', 'pipesRequestsMillion')] },
  'AWS::Events::EventBus': {
    kind: 'usage',
    items: (_r, ctx) => [unitPrice(ctx, 'EventBridge custom events', 'eventBridgeCustomEventsMillion')],
  },
  'AWS::CodePipeline::Pipeline': {
    kind: 'usage',
    items: (_r, ctx) => [unitPrice(ctx, 'CodePipeline (V2) action execution', 'codePipelineActionMinute')],
  },
  'AWS::CodeBuild::Project': {
    kind: 'usage',
    items: (_r, ctx) => [unitPrice(ctx, 'CodeBuild build time (general1.medium, Linux)', 'codeBuildMinute')],
  },
  'AWS::CloudFront::Distribution': {
    kind: 'usage',
    items: (_r, ctx) => [unitPrice(ctx, 'CloudFront HTTPS requests', 'cloudFrontHttpsTenThousand')],
  },
};
