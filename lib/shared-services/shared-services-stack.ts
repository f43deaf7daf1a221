import type { Construct } from 'constructs';
import type { ParameterName } from '../contract/parameters';
import { publishParameter } from '../contract/ssm';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { ServicesDomain } from './services-domain';
import { GovernmentUserPool } from './user-pools';

export type SharedServicesStackProps = Omit<PlatformStackProps, 'area'>;

/**
 * The shared e-Government Infrastructure Services every service relies on. So far: identity,
 * with one user pool for citizens and one for government staff.
 */
export class SharedServicesStack extends PlatformStack {
  public readonly citizens: GovernmentUserPool;
  public readonly staff: GovernmentUserPool;
  /** The public services' domain, when the config names one. */
  public readonly domain?: ServicesDomain;

  constructor(scope: Construct, id: string, props: SharedServicesStackProps) {
    super(scope, id, { ...props, area: 'SharedServices', description: 'Shared e-government infrastructure services: identity' });
    this.citizens = new GovernmentUserPool(this, 'Citizens', { audience: 'citizen' });
    this.staff = new GovernmentUserPool(this, 'Staff', { audience: 'staff' });

    const names = this.parameterNames;
    const published: Array<[string, ParameterName, string]> = [
      ['CitizenPoolArn', names.userPoolArn('citizen'), this.citizens.pool.userPoolArn],
      ['CitizenIssuer', names.userPoolIssuer('citizen'), this.citizens.issuer],
      ['StaffPoolArn', names.userPoolArn('staff'), this.staff.pool.userPoolArn],
      ['StaffIssuer', names.userPoolIssuer('staff'), this.staff.issuer],
    ];
    for (const [id, name, value] of published) publishParameter(this, id, name, value);
    const domain = this.config.platform.domain;
    if (domain) this.domain = new ServicesDomain(this, 'ServicesDomain', { domain });
  }
}
