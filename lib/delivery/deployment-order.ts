import { type Stack, Token } from 'aws-cdk-lib';
import { networkStackList } from '../network/network';
import type { Platform } from '../platform';

/** One step of a deployment: stacks deployed together, after every earlier step succeeded. */
export interface DeploymentStep {
  /** The pipeline stage's name. */
  readonly name: string;
  /** The stacks' construct ids, as `cdk deploy` selects them. */
  readonly stacks: readonly string[];
  /**
   * The accounts the stacks deploy to, when the stacks name them (organization mode).
   * @default - none named: the stacks deploy to the pipeline's own account
   */
  readonly accounts?: readonly string[];
}

const ids = (stacks: readonly Stack[]) => stacks.map((s) => s.node.path);

function step(name: string, stacks: readonly Stack[]): DeploymentStep {
  const accounts = [...new Set(stacks.map((s) => s.account).filter((a) => !Token.isUnresolved(a)))];
  return accounts.length > 0 ? { name, stacks: ids(stacks), accounts } : { name, stacks: ids(stacks) };
}

/** Splits a list into chunks of `size`, in order. */
export function inWaves<T>(items: readonly T[], size: number): T[][] {
  const waves: T[][] = [];
  for (let i = 0; i < items.length; i += size) waves.push(items.slice(i, i + size));
  return waves;
}

/**
 * The order the platform is deployed in, by what each stack reads: in organization mode the
 * organization first (accounts, OUs and guardrails before anything lands in them) and the delegation of its
 * security services to the audit account, the security baseline and the organization's security services, then
 * the network, then the shared services and service stacks, then departments in waves (each
 * reads the network, the log archive and the services' APIs), and the budgets last.
 */
export function deploymentOrder(platform: Platform, waveSize: number): DeploymentStep[] {
  const waves = inWaves(platform.departments, waveSize);
  return [
    ...(platform.organization ? [step('Organization', [platform.organization])] : []),
    ...(platform.securityDelegation ? [step('SecurityDelegation', [platform.securityDelegation])] : []),
    step('Security', [platform.security, ...(platform.organizationSecurity ? [platform.organizationSecurity] : [])]),
    step('Network', networkStackList(platform.network)),
    step('Services', [platform.sharedServices, ...platform.serviceExtras, ...Object.values(platform.services)]),
    ...waves.map((wave, i) => step(`Departments-${i + 1}`, wave)),
    step('Budgets', [platform.budgets]),
  ];
}
