import { Match, Template } from 'aws-cdk-lib/assertions';
import { SERVICES } from '../../lambda/registry';
import type { SecretBoxKey } from '../../lib/services/secret-box-key';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, testVpc, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('ServiceStack of payments', () => {
  const config = defaultConfig();
  // TD collects fees through the platform; the other departments do not.
  const departments = config.departments.map((d) => (d.code === 'TD' ? { ...d, services: [...d.services, 'pay'] } : d));
  const stack = new ServiceStack(unitTestApp(), 'Pay', {
    config: { ...config, departments },
    service: SERVICES.pay,
    vpc: testVpc,
  });
  const template = Template.fromStack(stack);
  const secretArn = stack.resolve((stack.node.findChild('SecretBoxKey') as SecretBoxKey).secret.secretArn);
  const policyText = (role: { roleName: string }) =>
    JSON.stringify(
      Object.values(template.findResources('AWS::IAM::ManagedPolicy')).find((p) =>
        JSON.stringify(p.Properties.Roles).includes(stack.resolve(role.roleName).Ref),
      )?.Properties.PolicyDocument,
    );

  it('gives the API and scheduled functions the secret box key, and the authorizer none', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: { KmsKeyId: stack.resolve(stack.key.keyArn) },
    });
    for (const fn of [stack.functions.api, stack.functions.scheduled]) {
      expect(policyText(fn.role)).toContain('secretsmanager:GetSecretValue');
    }
    expect(policyText(stack.authorizerFunctions['pay-api-key'].role)).not.toContain('secretsmanager');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(': api$'),
      Environment: { Variables: Match.objectLike({ PAY_SECRET_BOX_KEY_SECRET_ARN: secretArn }) },
    });
  });

  it('sends webhooks every minute and reconciles the entitled departments nightly', () => {
    const scheduled = stack.resolve(stack.functions.scheduled.function.functionArn);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: scheduled, Input: '{"task":"webhooks"}' })],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 16 * * ? *)',
      Targets: [Match.objectLike({ Arn: scheduled, Input: '{"task":"reconciliation"}' })],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(': scheduled$'),
      Environment: {
        Variables: Match.objectLike({
          PAY_DEPARTMENTS: JSON.stringify(
            defaultConfig()
              .departments.filter((d) => d.services.includes('pay'))
              .map((d) => d.code),
          ),
        }),
      },
    });
  });

  it('lets the functions write reconciliation reports to the reports bucket', () => {
    expect(policyText(stack.functions.scheduled.role)).toContain('s3:PutObject');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(': scheduled$'),
      Environment: { Variables: Match.objectLike({ BUCKET_PAYMENT_REPORTS: stack.resolve(stack.buckets['payment-reports'].bucketName) }) },
    });
  });

  it('serves the hosted payment page publicly and the API behind the pay-api-key authorizer', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', { OperationName: 'showPaymentPage', AuthorizationType: 'NONE' });
    template.hasResourceProperties('AWS::ApiGateway::Method', { OperationName: 'createPayment', AuthorizationType: 'CUSTOM' });
  });

  it("answers API Gateway's own 401 with Pay's body", () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      ResponseTemplates: { 'application/json': '{"code":401,"message":"Credentials are required to access this resource."}' },
    });
  });

  it('is RESTRICTED and passes all four compliance packs, PCI DSS included', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'RESTRICTED' }]) });
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
