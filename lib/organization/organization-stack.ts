import { Annotations, CfnOutput, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as organizations from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { TAG_KEYS } from '../tags';
import { type OuKey, type PlannedAccount, plannedAccounts, TOP_LEVEL_OUS } from './accounts';
import { ancestry, type Guardrail, guardrails, parentOf, type ScpTarget, workloadOus } from './guardrails';

/**
 * AWS Organizations is a global service whose API is homed in us-east-1; the Organization stack
 * deploys there, in the management account, beside the budgets.
 */
export const ORGANIZATION_REGION = 'us-east-1';

export type OrganizationStackProps = Omit<PlatformStackProps, 'area' | 'region' | 'home'>;

/**
 * The government as an AWS Organization, deployed in the management account: the OUs (Security,
 * Infrastructure, Workloads with one child OU per classification, Sandbox, Suspended), the
 * accounts the config asks to create, each in its OU, and the service control policies,
 * attached to the root and the OUs they guard.
 */
export class OrganizationStack extends PlatformStack {
  /** The organization root's id: from the config, or the organization this stack creates. */
  public readonly rootId: string;
  public readonly ous: Readonly<Partial<Record<OuKey, organizations.CfnOrganizationalUnit>>>;
  /** Accounts this stack creates (or has created), by the config path that names them. */
  public readonly accounts: Readonly<Record<string, organizations.CfnAccount>>;
  public readonly policies: Readonly<Record<string, organizations.CfnPolicy>>;

  constructor(scope: Construct, id: string, props: OrganizationStackProps) {
    super(scope, id, {
      ...props,
      area: 'Organization',
      home: 'management',
      region: ORGANIZATION_REGION,
      description: 'The organization: OUs, accounts and service control policies',
    });
    const org = this.config.organization;
    if (!org) throw new Error('The Organization stack needs the organization section of the config (platform.tenancy: organization).');
    this.rootId = org.rootId ?? this.createOrganization();

    const ous: Partial<Record<OuKey, organizations.CfnOrganizationalUnit>> = {};
    const ouScope = new Construct(this, 'Ous');
    for (const key of [...TOP_LEVEL_OUS, ...workloadOus(this.config)]) {
      const parent = parentOf(key);
      ous[key] = new organizations.CfnOrganizationalUnit(ouScope, key, {
        name: key,
        parentId: parent === 'Root' ? this.rootId : (ous[parent] as organizations.CfnOrganizationalUnit).attrId,
      });
    }
    this.ous = ous;

    this.accounts = this.declareAccounts(plannedAccounts(this.config), ous);
    this.policies = this.attachGuardrails(guardrails(this.config), ous, plannedAccounts(this.config));
  }

  private createOrganization(): string {
    const organization = new organizations.CfnOrganization(this, 'Organization', { featureSet: 'ALL' });
    organization.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return organization.attrRootId;
  }

  /**
   * An account with an e-mail is declared here: created by the first deployment (or brought in
   * with `cdk import` when it exists). Organizations creates one account at a time, so each
   * waits for the one before. Accounts are retained: removing one from the config never closes it.
   */
  private declareAccounts(
    planned: readonly PlannedAccount[],
    ous: Partial<Record<OuKey, organizations.CfnOrganizationalUnit>>,
  ): Record<string, organizations.CfnAccount> {
    const scope = new Construct(this, 'Accounts');
    const declared: Record<string, organizations.CfnAccount> = {};
    let previous: organizations.CfnAccount | undefined;
    for (const account of planned) {
      if (account.email === undefined) {
        Annotations.of(scope).addInfo(
          `${account.path}: the existing account ${account.id} is referenced; the guardrails of the ${account.ou} OU are attached to it directly.`,
        );
        continue;
      }
      const resource = new organizations.CfnAccount(scope, account.name, {
        accountName: account.name,
        email: account.email,
        parentIds: [(ous[account.ou] as organizations.CfnOrganizationalUnit).attrId],
      });
      resource.applyRemovalPolicy(RemovalPolicy.RETAIN);
      if (account.department) {
        Tags.of(resource).add(TAG_KEYS.department, account.department.code);
        Tags.of(resource).add(TAG_KEYS.classification, account.department.classification);
        Tags.of(resource).add(TAG_KEYS.costCentre, account.department.costCentre);
      }
      if (previous) resource.addResourceDependency(previous);
      previous = resource;
      // The id to write into the config as `account`, once the account exists.
      new CfnOutput(scope, `${account.name}-id`, { value: resource.attrAccountId, description: `${account.path}.account` });
      declared[account.path] = resource;
    }
    return declared;
  }

  /**
   * Each SCP on its targets; an account only referenced (not declared here) may sit anywhere in
   * the organization, so the policies of its OU's chain below the root are attached to it as well.
   */
  private attachGuardrails(
    all: readonly Guardrail[],
    ous: Partial<Record<OuKey, organizations.CfnOrganizationalUnit>>,
    planned: readonly PlannedAccount[],
  ): Record<string, organizations.CfnPolicy> {
    const scope = new Construct(this, 'Policies');
    const targetId = (t: ScpTarget) => (t === 'Root' ? this.rootId : (ous[t] as organizations.CfnOrganizationalUnit).attrId);
    const referenced = planned.filter((a) => a.email === undefined && a.id !== undefined);
    return Object.fromEntries(
      all.map((guardrail) => {
        const accounts = referenced
          .filter((a) => ancestry(a.ou).some((t) => t !== 'Root' && guardrail.targets.includes(t)))
          .map((a) => a.id as string);
        const policy = new organizations.CfnPolicy(scope, guardrail.name, {
          name: `${this.config.platform.prefix}-${guardrail.name}`,
          description: guardrail.description,
          type: 'SERVICE_CONTROL_POLICY',
          content: guardrail.document,
          targetIds: [...guardrail.targets.map(targetId), ...accounts],
        });
        return [guardrail.name, policy];
      }),
    );
  }
}
