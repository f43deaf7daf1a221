import { Match, Template } from 'aws-cdk-lib/assertions';
import { SharedServicesStack } from '../../lib/shared-services/shared-services-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('SharedServicesStack identity', () => {
  const stack = new SharedServicesStack(unitTestApp(), 'SharedServices', { config: defaultConfig() });
  const template = Template.fromStack(stack);

  it('has a self-service citizen pool verifying e-mail and phone, with optional MFA', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'gcp-SharedServices-citizen',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email', 'phone_number'],
      MfaConfiguration: 'OPTIONAL',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, PasswordHistorySize: 5 }) },
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has an invitation-only staff pool with required MFA and department and role claims', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'gcp-SharedServices-staff',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'department', Mutable: true }), Match.objectLike({ Name: 'roles' })]),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'platform-admin' });
  });

  it('does not let users write the attributes that carry authority', () => {
    for (const client of Object.values(template.findResources('AWS::Cognito::UserPoolClient'))) {
      expect(client.Properties.WriteAttributes).not.toContain('custom:department');
      expect(client.Properties.WriteAttributes).not.toContain('custom:roles');
    }
  });

  it('challenges a medium-risk sign-in for a second factor, blocks a high-risk one and compromised credentials, in both pools', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolRiskConfigurationAttachment', 2);
    template.hasResourceProperties('AWS::Cognito::UserPoolRiskConfigurationAttachment', {
      ClientId: 'ALL',
      AccountTakeoverRiskConfiguration: {
        Actions: {
          LowAction: { EventAction: 'NO_ACTION', Notify: false },
          MediumAction: { EventAction: 'MFA_IF_CONFIGURED', Notify: false },
          HighAction: { EventAction: 'BLOCK', Notify: false },
        },
      },
      CompromisedCredentialsRiskConfiguration: {
        Actions: { EventAction: 'BLOCK' },
        EventFilter: ['SIGN_IN', 'SIGN_UP', 'PASSWORD_CHANGE'],
      },
    });
  });

  it('retains both pools', () => {
    for (const pool of Object.values(template.findResources('AWS::Cognito::UserPool'))) expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('publishes pool ARNs and token issuers for the services', () => {
    const names = Object.values(template.findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);
    expect(names).toEqual([
      '/gcp/identity/citizen-pool-arn',
      '/gcp/identity/citizen-pool-issuer',
      '/gcp/identity/staff-pool-arn',
      '/gcp/identity/staff-pool-issuer',
      '/gcp/identity/citizen-login-url',
      '/gcp/identity/staff-login-url',
      '/gcp/identity/sign-in-queue-arn',
      '/gcp/identity/sign-in-key-arn',
      '/gcp/identity/clients/govhk-portal/client-id',
    ]);
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
