import { Annotations, CfnOutput } from 'aws-cdk-lib';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type { Construct } from 'constructs';
import { macieEnabled } from '../config/profile';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { pascalCase } from '../services/pascal-case';
import { accountOf } from './accounts';
import { type DelegatedService, delegatedServices } from './delegated-services';

export type SecurityDelegationStackProps = Omit<PlatformStackProps, 'area' | 'home'>;

/**
 * In the management account and the platform region: the security services' administration
 * delegated to the audit account, so that every account's findings land there and nobody needs
 * to work in the management account. Security Hub is delegated here; for the services
 * CloudFormation cannot delegate, the stack outputs the one command each that does it.
 */
export class SecurityDelegationStack extends PlatformStack {
  /** The audit account, which administers the security services. */
  public readonly auditAccount: string;
  public readonly securityHub: securityhub.CfnDelegatedAdmin;
  /** The delegations made by a command, not by this stack. */
  public readonly byCommand: readonly DelegatedService[];

  constructor(scope: Construct, id: string, props: SecurityDelegationStackProps) {
    super(scope, id, {
      ...props,
      area: 'SecurityDelegation',
      home: 'management',
      description: 'Security services administered from the audit account',
    });
    const audit = accountOf(this.config, 'audit');
    if (audit === undefined)
      throw new Error('The SecurityDelegation stack needs the audit account id (organization.accounts.audit.account).');
    this.auditAccount = audit;
    this.securityHub = new securityhub.CfnDelegatedAdmin(this, 'SecurityHub', { adminAccountId: audit });
    this.byCommand = delegatedServices(macieEnabled(this.config), audit).filter((s) => s.command !== undefined);
    for (const service of this.byCommand) {
      new CfnOutput(this, `Delegate${pascalCase(service.principal.split('.')[0] as string)}`, {
        description: `Run once from the management account: delegates ${service.name} to the audit account`,
        value: service.command as string,
      });
    }
    Annotations.of(this).addInfo(
      `Before the OrganizationSecurity stack deploys, delegate ${this.byCommand.map((s) => s.name).join(', ')} to the audit account with the commands in this stack's outputs.`,
    );
  }
}
