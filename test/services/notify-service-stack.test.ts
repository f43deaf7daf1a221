import { Match, Template } from 'aws-cdk-lib/assertions';
import { SERVICES } from '../../lambda/registry';
import type { NotifyDelivery } from '../../lib/services/notify-delivery';
import type { SecretBoxKey } from '../../lib/services/secret-box-key';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, testVpc, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('ServiceStack of notifications', () => {
  // SES in the platform region: the configuration set lives in this stack.
  const stack = new ServiceStack(unitTestApp(), 'Notify', {
    config: { ...defaultConfig(), notify: {} },
    service: SERVICES.notify,
    vpc: testVpc,
  });
  const template = Template.fromStack(stack);
  const secretArn = stack.resolve((stack.node.findChild('SecretBoxKey') as SecretBoxKey).secret.secretArn);
  const policyOf = (fn: keyof typeof stack.functions | 'authorizer') => {
    const role = fn === 'authorizer' ? stack.authorizerFunctions['notify-jwt'].role : stack.functions[fn].role;
    return Object.values(template.findResources('AWS::IAM::ManagedPolicy')).find((p) =>
      JSON.stringify(p.Properties.Roles).includes(stack.resolve(role.roleName).Ref),
    );
  };

  it('generates a 32-byte secret box key, KMS-encrypted with the service key and retained', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: {
        KmsKeyId: stack.resolve(stack.key.keyArn),
        GenerateSecretString: Match.objectLike({ PasswordLength: 43, ExcludeCharacters: Match.stringLikeRegexp('^[^-_]+$') }),
      },
    });
  });

  it('lets the API, scheduled and authorizer functions read the key, telling them where', () => {
    for (const fn of ['api', 'scheduled', 'deliveryEvents', 'authorizer'] as const) {
      expect(JSON.stringify(policyOf(fn)?.Properties.PolicyDocument)).toContain('secretsmanager:GetSecretValue');
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('notify-jwt authorizer'),
      Environment: { Variables: Match.objectLike({ NOTIFY_SECRET_BOX_KEY_SECRET_ARN: secretArn }) },
    });
  });

  it('sends e-mail under a configuration set whose delivery events come back to the events function', () => {
    const configurationSet = 'gcp-notify';
    expect((stack.node.findChild('Delivery') as NotifyDelivery).configurationSet).toBeDefined();
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { DeliveryOptions: { TlsPolicy: 'REQUIRE' } });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['delivery', 'bounce', 'reject', 'renderingFailure'],
        EventBridgeDestination: Match.anyValue(),
      }),
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': ['Email Delivered', 'Email Bounced', 'Email Rejected', 'Email Rendering Failed'],
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSet] } } },
      },
      Targets: [Match.objectLike({ Arn: stack.resolve(stack.functions.deliveryEvents.function.functionArn) })],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(': api$'),
      Environment: { Variables: Match.objectLike({ NOTIFY_EMAIL_CONFIGURATION_SET: configurationSet }) },
    });
  });

  it('delivers through SES and SNS from the API function only', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(': api$'),
      Environment: { Variables: Match.objectLike({ NOTIFY_DELIVERY_PROVIDER: 'aws' }) },
    });
    const api = JSON.stringify(policyOf('api')?.Properties.PolicyDocument);
    expect(api).toContain('"ses:SendEmail"');
    expect(api).toContain(':identity/*');
    expect(api).toContain('"sns:Publish"');
    for (const fn of ['scheduled', 'deliveryEvents', 'authorizer'] as const) {
      expect(JSON.stringify(policyOf(fn)?.Properties.PolicyDocument)).not.toMatch(/ses:SendEmail|sns:Publish/);
    }
  });

  it('lets the API function publish text messages to phone numbers only, never to a topic or platform endpoint', () => {
    const statements = policyOf('api')?.Properties.PolicyDocument.Statement as { Sid?: string }[];
    expect(statements).toEqual(
      expect.arrayContaining([
        { Sid: 'SendSms', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
        {
          Sid: 'SendSmsOnlyToPhoneNumbers',
          Effect: 'Deny',
          Action: 'sns:Publish',
          Resource: stack.resolve(`arn:${stack.partition}:sns:*:*:*`),
        },
      ]),
    );
    // No other statement of the function allows anything on SNS.
    const sns = statements.filter((s) => JSON.stringify(s).includes('sns:'));
    expect(sns.map((s) => s.Sid).sort()).toEqual(['SendSms', 'SendSmsOnlyToPhoneNumbers']);
  });

  it('posts delivery receipts every minute from the scheduled function', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        Match.objectLike({ Arn: stack.resolve(stack.functions.scheduled.function.functionArn), RetryPolicy: { MaximumRetryAttempts: 2 } }),
      ],
    });
  });

  it("authorizes the v2 routes with the service's own JWT authorizer", () => {
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.authorization',
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', { OperationName: 'sendEmail', AuthorizationType: 'CUSTOM' });
  });

  it("answers API Gateway's own 401 in Notify's error shape", () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      ResponseTemplates: {
        'application/json':
          '{"status_code":401,"errors":[{"error":"AuthError","message":"Unauthorized: authentication token must be provided"}]}',
      },
    });
  });

  it('is RESTRICTED and passes all four compliance packs', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'RESTRICTED' }]) });
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
