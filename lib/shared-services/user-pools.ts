import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { CERT_ANALYST_GROUP, CLAIMS, PLATFORM_ADMIN_GROUP } from '../../lambda/shared/identity';
import { acknowledge } from '../compliance/acknowledge';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';

export interface GovernmentUserPoolProps {
  /** Who signs in: citizens (self sign-up) or government staff (invited by administrators). */
  readonly audience: 'citizen' | 'staff';
  /**
   * Whether a second factor is required at sign-in.
   * @default REQUIRED for staff, OPTIONAL for citizens
   */
  readonly mfa?: cognito.Mfa;
  /**
   * The pre-token-generation trigger (event version 2), which writes the sign-in's assurance
   * level into the tokens.
   * @default - none
   */
  readonly preTokenGeneration?: lambda.IFunction;
}

/** Claim of the staff pool naming the department, and of the roles within it. */
const DEPARTMENT_ATTRIBUTE = CLAIMS.department.replace('custom:', '');
const ROLES_ATTRIBUTE = CLAIMS.roles.replace('custom:', '');
const CARD_ACR_ATTRIBUTE = CLAIMS.cardAcr.replace('custom:', '');

/**
 * A Cognito user pool for citizens or staff: verified e-mail and phone, a strong password
 * policy, MFA (TOTP; SMS for citizens), threat protection enforced, deletion protection, and
 * retained. The staff pool carries the department and roles claims and a platform-admin group.
 */
export class GovernmentUserPool extends Construct {
  public readonly pool: cognito.UserPool;
  public readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: GovernmentUserPoolProps) {
    super(scope, id);
    const isStaff = props.audience === 'staff';
    const mfa = props.mfa ?? (isStaff ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL);
    const smsRole = isStaff ? undefined : this.smsRole();
    this.pool = new cognito.UserPool(this, 'Pool', {
      userPoolName: `${Stack.of(this).stackName}-${props.audience}`,
      selfSignUpEnabled: !isStaff,
      signInAliases: { email: true, phone: !isStaff },
      autoVerify: { email: true, phone: !isStaff },
      signInCaseSensitive: false,
      mfa,
      mfaSecondFactor: { otp: true, sms: !isStaff },
      passwordPolicy: {
        minLength: isStaff ? 14 : 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: isStaff ? cognito.AccountRecovery.EMAIL_ONLY : cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: isStaff
        ? {
            [DEPARTMENT_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 2, maxLen: 8, mutable: true }),
            [ROLES_ATTRIBUTE]: new cognito.StringAttribute({ maxLen: 256, mutable: true }),
          }
        : // The identity card provider's level for the sign-in, written by the provider's attribute mapping.
          { [CARD_ACR_ATTRIBUTE]: new cognito.StringAttribute({ maxLen: 64, mutable: true }) },
      smsRole,
      smsRoleExternalId: smsRole ? this.node.addr : undefined,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The pool's own sign-in (SRP) for the platform's tools; OpenID Connect sign-in is through
    // the relying parties' clients and managed login (PoolSignIn).
    this.client = this.pool.addClient('WebClient', {
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(isStaff ? 1 : 30),
      // Attributes that carry authority are set by administrators, never by the user.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, phoneNumber: !isStaff, fullname: true }),
    });
    if (isStaff) {
      new cognito.CfnUserPoolGroup(this, 'PlatformAdmins', {
        userPoolId: this.pool.userPoolId,
        groupName: PLATFORM_ADMIN_GROUP,
        description: 'Administrators of the Government Cloud Platform',
      });
      new cognito.CfnUserPoolGroup(this, 'CertAnalysts', {
        userPoolId: this.pool.userPoolId,
        groupName: CERT_ANALYST_GROUP,
        description: 'Analysts of the government CERT',
      });
    }
    if (props.preTokenGeneration) {
      this.pool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, props.preTokenGeneration, cognito.LambdaVersion.V2_0);
    }
    this.adaptiveAuthentication();
    if (mfa !== cognito.Mfa.REQUIRED) {
      acknowledge(
        this.pool,
        'AwsSolutions-COG2',
        "Citizens choose whether to add a second factor (requiring one would shut out those with neither a phone nor an authenticator app). A password sign-in is only ever assurance level basic (the pool's trigger writes it into the tokens); every route that needs more declares verified or verified-plus and answers a basic token with RFC 9470's step-up challenge, which a person meets by signing in with the smart identity card. The pool's risk configuration asks a medium-risk sign-in for the second factor where one is set, blocks a high-risk one, and blocks compromised credentials.",
      );
    }
  }

  /**
   * Threat protection's answers to risk, for every client of the pool: a second factor for a
   * medium-risk sign-in where the user has one, a block for a high-risk one, and a block for
   * credentials known to be compromised. Users are not e-mailed about it (the pool sends no
   * e-mail of its own).
   */
  private adaptiveAuthentication(): void {
    const action = (eventAction: string) => ({ eventAction, notify: false });
    new cognito.CfnUserPoolRiskConfigurationAttachment(this, 'RiskConfiguration', {
      userPoolId: this.pool.userPoolId,
      clientId: 'ALL',
      accountTakeoverRiskConfiguration: {
        actions: { lowAction: action('NO_ACTION'), mediumAction: action('MFA_IF_CONFIGURED'), highAction: action('BLOCK') },
      },
      compromisedCredentialsRiskConfiguration: {
        actions: { eventAction: 'BLOCK' },
        eventFilter: ['SIGN_IN', 'SIGN_UP', 'PASSWORD_CHANGE'],
      },
    });
  }

  /** Lets Cognito send verification and MFA text messages, with its grant in a managed policy. */
  private smsRole(): ManagedPolicyRole {
    const role = new ManagedPolicyRole(this, 'SmsRole', {
      assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', {
        conditions: { StringEquals: { 'sts:ExternalId': this.node.addr } },
      }),
      description: 'Sends verification and MFA text messages for the citizen user pool',
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    acknowledge(
      role,
      ['AwsSolutions-IAM5[Resource::*]', 'CKV_AWS_111'],
      "SNS text messages go to phone numbers, which have no ARN to scope to; the role can only publish, and only Cognito with this pool's external id can assume it.",
    );
    return role;
  }

  /** The `iss` claim of the pool's tokens, which the services trust. */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.pool.userPoolId}`;
  }
}
