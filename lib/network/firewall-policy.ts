import * as nfw from 'aws-cdk-lib/aws-networkfirewall';
import { Construct } from 'constructs';
import type { SpokeToSpokeMode } from '../config/schema';

/** Name of the platform's one Network Firewall. */
export function firewallName(prefix: string): string {
  return `${prefix}-inspection`;
}

/**
 * Priorities of the stateful rule groups, evaluated in strict order, lowest first: the block
 * list before anything may pass, then traffic inside the platform, then the egress allowlist.
 */
export const RULE_GROUP_PRIORITIES = { blockList: 100, eastWest: 200, egressAllowList: 300 } as const;

/**
 * Capacities are fixed when a rule group is created; these leave room for the lists the config
 * allows (400 domains, two target types each) so that changing a list never replaces a group.
 */
const CAPACITY = { domainList: 1000, eastWest: 100 } as const;

/** Packets no rule passed are dropped once their connection is established, and logged as alerts. */
export const STATEFUL_DEFAULT_ACTIONS = ['aws:drop_established', 'aws:alert_established'] as const;

/**
 * Suricata rules for traffic between platform VPCs (departments and shared services), which
 * reaches the firewall through the Transit Gateway. Departments never talk to each other in
 * `deny` mode; in `inspect` mode they may, through the firewall and its logs.
 */
export function eastWestRules(mode: SpokeToSpokeMode): string {
  const rules = [
    mode === 'deny'
      ? 'drop ip $DEPARTMENT_NETS any -> $DEPARTMENT_NETS any (msg:"department to department traffic is denied"; sid:1000001; rev:1;)'
      : undefined,
    'pass ip $PLATFORM_NET any -> $PLATFORM_NET any (msg:"traffic inside the platform, inspected"; sid:1000002; rev:1;)',
  ];
  return rules.filter((r) => r !== undefined).join('\n');
}

export interface InspectionFirewallPolicyProps {
  readonly prefix: string;
  readonly platformCidr: string;
  readonly departmentCidrs: readonly string[];
  readonly spokeToSpoke: SpokeToSpokeMode;
  /** Internet domains that may be reached; none means no internet access over HTTP or TLS. */
  readonly allowedDomains: readonly string[];
  /** Domains that may never be reached. */
  readonly blockedDomains: readonly string[];
}

/**
 * The firewall policy of the inspection VPC: every packet goes to the stateful engine, whose
 * rule groups run in strict order (block list, east-west, egress allowlist) and whose default
 * drops and logs what none of them passed.
 */
export class InspectionFirewallPolicy extends Construct {
  public readonly policy: nfw.CfnFirewallPolicy;
  public readonly ruleGroups: nfw.CfnRuleGroup[] = [];

  constructor(scope: Construct, id: string, props: InspectionFirewallPolicyProps) {
    super(scope, id);
    const homeNet = { HOME_NET: { definition: [props.platformCidr] } };
    const references: nfw.CfnFirewallPolicy.StatefulRuleGroupReferenceProperty[] = [];
    const add = (group: nfw.CfnRuleGroup, priority: number) => {
      this.ruleGroups.push(group);
      references.push({ resourceArn: group.attrRuleGroupArn, priority });
    };
    const domainList = (groupId: string, name: string, type: 'DENYLIST' | 'ALLOWLIST', domains: readonly string[], description: string) =>
      new nfw.CfnRuleGroup(this, groupId, {
        ruleGroupName: `${props.prefix}-${name}`,
        type: 'STATEFUL',
        capacity: CAPACITY.domainList,
        description,
        ruleGroup: {
          ruleVariables: { ipSets: homeNet },
          rulesSource: { rulesSourceList: { generatedRulesType: type, targetTypes: ['TLS_SNI', 'HTTP_HOST'], targets: [...domains] } },
          statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
        },
      });

    if (props.blockedDomains.length > 0) {
      add(
        domainList('BlockList', 'block-list', 'DENYLIST', props.blockedDomains, 'Domains no platform workload may reach'),
        RULE_GROUP_PRIORITIES.blockList,
      );
    }
    add(
      new nfw.CfnRuleGroup(this, 'EastWest', {
        ruleGroupName: `${props.prefix}-east-west`,
        type: 'STATEFUL',
        capacity: CAPACITY.eastWest,
        description: `Traffic between platform VPCs; department to department: ${props.spokeToSpoke}`,
        ruleGroup: {
          ruleVariables: {
            ipSets: {
              ...homeNet,
              PLATFORM_NET: { definition: [props.platformCidr] },
              DEPARTMENT_NETS: { definition: [...props.departmentCidrs] },
            },
          },
          rulesSource: { rulesString: eastWestRules(props.spokeToSpoke) },
          statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
        },
      }),
      RULE_GROUP_PRIORITIES.eastWest,
    );
    if (props.allowedDomains.length > 0) {
      add(
        domainList('EgressAllowList', 'egress-allowlist', 'ALLOWLIST', props.allowedDomains, 'Internet domains the platform may reach'),
        RULE_GROUP_PRIORITIES.egressAllowList,
      );
    }

    this.policy = new nfw.CfnFirewallPolicy(this, 'Resource', {
      firewallPolicyName: `${props.prefix}-inspection`,
      description: 'Strict-order stateful inspection of all traffic crossing the platform hub',
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER', streamExceptionPolicy: 'DROP' },
        statefulDefaultActions: [...STATEFUL_DEFAULT_ACTIONS],
        statefulRuleGroupReferences: references,
        policyVariables: { ruleVariables: homeNet },
      },
    });
  }
}
