import { Match, Template } from 'aws-cdk-lib/assertions';
import type { PlatformConfig } from '../../lib/config/schema';
import { SharedServicesStack } from '../../lib/shared-services/shared-services-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

const SECRET = 'arn:aws:secretsmanager:ap-east-1:111122223333:secret:gcp/identity/client-AbCdEf';

/** The default config with the identity card provider, a SAML directory, the login hosts and three relying parties. */
function federatedConfig(): PlatformConfig {
  const config = defaultConfig();
  return {
    ...config,
    platform: { ...config.platform, domain: { name: 'services.gov.hk', hostedZoneId: 'Z00000000000000000000' } },
    identity: {
      identityCard: { issuer: 'https://card.services.gov.hk', clientId: 'egov-platform', clientSecretArn: SECRET },
      staffDirectory: { kind: 'saml', metadataUrl: 'https://directory.gdc.gov.hk/metadata.xml' },
      loginCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0b5c6a2e-8f1d-4c3b-9a7e-2d4f6b8c1e3a',
      relyingParties: [
        { name: 'govhk-portal', audience: 'citizen', callbackUrls: ['https://www.gov.hk/cb'], logoutUrls: [], confidential: true },
        { name: 'govhk-app', audience: 'citizen', callbackUrls: ['https://app.gov.hk/cb'], logoutUrls: [], confidential: false },
        { name: 'department-console', audience: 'staff', callbackUrls: ['https://console.gov.hk/cb'], logoutUrls: [], confidential: true },
      ],
    },
  };
}

const clientNamed = (template: Template, name: string) => {
  const found = Object.values(template.findResources('AWS::Cognito::UserPoolClient', { Properties: { ClientName: name } }));
  expect(found).toHaveLength(1);
  return found[0].Properties;
};

describe('sign-in to the user pools, on the default config', () => {
  const stack = new SharedServicesStack(unitTestApp(), 'SharedServices', { config: defaultConfig() });
  const template = Template.fromStack(stack);

  it("gives the citizen pool the trigger that writes the sign-in's level into both tokens", () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'gcp-SharedServices-citizen',
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: Match.anyValue() } },
      Schema: [Match.objectLike({ Name: 'card_acr', Mutable: true })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'cognito-idp.amazonaws.com', Action: 'lambda:InvokeFunction' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('pre-token-generation trigger'),
      Timeout: 5,
      VpcConfig: Match.anyValue(),
    });
  });

  it("serves managed login's newer pages at Cognito domains when the platform has no login certificate", () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'gcp-citizen-login', ManagedLoginVersion: 2 });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'gcp-staff-login', ManagedLoginVersion: 2 });
  });

  it('gives a relying party the code flow only, with no password flow and no scope that writes attributes', () => {
    const portal = clientNamed(template, 'govhk-portal');
    expect(portal).toMatchObject({
      AllowedOAuthFlows: ['code'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: true,
      SupportedIdentityProviders: ['COGNITO'],
      EnableTokenRevocation: true,
      CallbackURLs: ['https://portal.example.gov.hk/auth/callback'],
    });
    expect(portal.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin');
    expect(portal.WriteAttributes).not.toContain('custom:card_acr');
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
  });

  it('keeps the pools’ own SRP clients off OpenID Connect', () => {
    const own = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).filter((c) => !c.Properties.ClientName);
    expect(own).toHaveLength(2);
    for (const client of own) {
      expect(client.Properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
      expect(client.Properties.AllowedOAuthFlows).toBeUndefined();
    }
  });

  it('publishes the login URLs and each relying party’s client id', () => {
    const names = Object.values(template.findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);
    expect(names).toEqual(
      expect.arrayContaining([
        '/gcp/identity/citizen-login-url',
        '/gcp/identity/staff-login-url',
        '/gcp/identity/clients/govhk-portal/client-id',
      ]),
    );
  });
});

describe('sign-in to the user pools, with the identity card, a directory and the login hosts', () => {
  const stack = new SharedServicesStack(unitTestApp(), 'SharedServices', { config: federatedConfig() });
  const template = Template.fromStack(stack);

  it("maps the identity card provider's acr to the attribute the trigger reads, with its secret read at deploy", () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'IdentityCard',
      ProviderType: 'OIDC',
      AttributeMapping: Match.objectLike({ 'custom:card_acr': 'acr', email: 'email' }),
      ProviderDetails: Match.objectLike({
        oidc_issuer: 'https://card.services.gov.hk',
        client_secret: `{{resolve:secretsmanager:${SECRET}:SecretString:::}}`,
      }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('pre-token-generation trigger'),
      Environment: { Variables: Match.objectLike({ IDENTITY_CARD_PROVIDER: 'IdentityCard' }) },
    });
  });

  it('lets citizens choose the card or a password, and signs staff in through the directory alone', () => {
    const app = clientNamed(template, 'govhk-app');
    expect(app.GenerateSecret).toBe(false);
    expect(app.SupportedIdentityProviders).toEqual(['COGNITO', { Ref: expect.stringMatching(/IdentityCardProvider/) }]);
    expect(app.WriteAttributes).toContain('custom:card_acr');
    const console = clientNamed(template, 'department-console');
    expect(console.SupportedIdentityProviders).toEqual([{ Ref: expect.stringMatching(/DirectoryProvider/) }]);
    expect(console.AllowedOAuthScopes).toEqual(['openid', 'email', 'profile']);
    template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'GovernmentDirectory',
      ProviderType: 'SAML',
      AttributeMapping: Match.objectLike({ 'custom:department': 'department', 'custom:roles': 'roles' }),
    });
  });

  it('serves the login at login.<domain> and staff-login.<domain>, with alias records', () => {
    for (const host of ['login.services.gov.hk', 'staff-login.services.gov.hk']) {
      template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
        Domain: host,
        CustomDomainConfig: { CertificateArn: Match.anyValue() },
      });
      template.hasResourceProperties('AWS::Route53::RecordSet', { Name: `${host}.`, Type: 'A' });
    }
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});

describe('sign-ins reported to the identity service', () => {
  const stack = new SharedServicesStack(unitTestApp(), 'SharedServices', { config: defaultConfig() });
  const template = Template.fromStack(stack);

  it('queues the reports encrypted, with a dead-letter queue after five deliveries', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: Match.anyValue(),
      VisibilityTimeout: 180,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
  });

  it('lets the trigger send to the queue (and to its own dead-letter queue) and do nothing else with them', () => {
    const statements = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((st) => JSON.stringify(st.Action).includes('sqs:'));
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toBe('sqs:SendMessage');
    const targets = statements[0].Resource.map((r: { 'Fn::GetAtt': [string, string] }) => r['Fn::GetAtt'][0]);
    expect(targets).toEqual([expect.stringMatching(/^SignInTokensFunctionDeadLetters/), expect.stringMatching(/^SignInTokensSignInQueue/)]);
  });

  it('alarms when the trigger fails or is throttled, and when a report is left undelivered', () => {
    const descriptions = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmDescription);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/trigger failed/),
        expect.stringMatching(/throttled/),
        expect.stringMatching(/dead-letter/),
      ]),
    );
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm')))
      expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});
