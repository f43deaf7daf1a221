import { Duration } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { loginDomainPrefix } from '../config/identity-schema';
import { PlatformKey } from '../constructs/platform-key';
import type { ParameterName } from '../contract/parameters';
import { publishParameter, readParameter } from '../contract/ssm';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { PoolSignIn } from './pool-sign-in';
import { ServicesDomain } from './services-domain';
import { SignInTokensFunction } from './sign-in-tokens-function';
import { GovernmentUserPool } from './user-pools';

export type SharedServicesStackProps = Omit<PlatformStackProps, 'area'>;

/**
 * The shared e-Government Infrastructure Services every service relies on. So far: identity,
 * with one user pool for citizens and one for government staff, each with its managed login,
 * identity provider and the relying parties' app clients. The citizen pool's trigger runs in
 * the shared-services VPC and alarms to the platform's topic, so the stack deploys after the
 * network and the security baseline.
 */
export class SharedServicesStack extends PlatformStack {
  public readonly citizens: GovernmentUserPool;
  public readonly staff: GovernmentUserPool;
  public readonly citizenSignIn: PoolSignIn;
  public readonly staffSignIn: PoolSignIn;
  /** The public services' domain, when the config names one. */
  public readonly domain?: ServicesDomain;

  constructor(scope: Construct, id: string, props: SharedServicesStackProps) {
    super(scope, id, { ...props, area: 'SharedServices', description: 'Shared e-government infrastructure services: identity' });
    const { config } = this;
    const key = new PlatformKey(this, 'SignInKey', {
      purpose: 'Encrypts the logs, environment and dead letters of the user pools’ trigger',
      allowCloudWatchLogs: true,
    });
    const alarmTopic = sns.Topic.fromTopicArn(this, 'AlarmTopic', readParameter(this, this.parameterNames.alarmTopicArn));
    const signInTokens = new SignInTokensFunction(this, 'SignInTokens', { config, encryptionKey: key, alarmTopic });
    this.citizens = new GovernmentUserPool(this, 'Citizens', { audience: 'citizen', preTokenGeneration: signInTokens.fn.function });
    this.staff = new GovernmentUserPool(this, 'Staff', { audience: 'staff' });
    const signIn = (id: string, pool: GovernmentUserPool, audience: 'citizen' | 'staff') =>
      new PoolSignIn(this, id, {
        pool: pool.pool,
        audience,
        identity: config.identity,
        domain: config.platform.domain,
        domainPrefix: loginDomainPrefix(config.identity, config.platform.prefix, audience),
        refreshTokenValidity: audience === 'staff' ? Duration.days(1) : Duration.days(30),
      });
    this.citizenSignIn = signIn('CitizenSignIn', this.citizens, 'citizen');
    this.staffSignIn = signIn('StaffSignIn', this.staff, 'staff');

    const names = this.parameterNames;
    const published: Array<[string, ParameterName, string]> = [
      ['CitizenPoolArn', names.userPoolArn('citizen'), this.citizens.pool.userPoolArn],
      ['CitizenIssuer', names.userPoolIssuer('citizen'), this.citizens.issuer],
      ['StaffPoolArn', names.userPoolArn('staff'), this.staff.pool.userPoolArn],
      ['StaffIssuer', names.userPoolIssuer('staff'), this.staff.issuer],
      ['CitizenLoginUrl', names.loginUrl('citizen'), this.citizenSignIn.loginUrl],
      ['StaffLoginUrl', names.loginUrl('staff'), this.staffSignIn.loginUrl],
      ['SignInQueueArn', names.signInQueueArn, signInTokens.queue.queueArn],
      ['SignInKeyArn', names.signInKeyArn, key.keyArn],
    ];
    for (const [name, client] of Object.entries({ ...this.citizenSignIn.clients, ...this.staffSignIn.clients })) {
      published.push([`ClientId${name}`, names.relyingPartyClientId(name), client.userPoolClientId]);
    }
    for (const [id, name, value] of published) publishParameter(this, id, name, value);
    const domain = config.platform.domain;
    if (domain) this.domain = new ServicesDomain(this, 'ServicesDomain', { domain });
  }
}
