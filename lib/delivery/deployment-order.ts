import type { Stack } from 'aws-cdk-lib';
import { networkStackList } from '../network/network';
import type { Platform } from '../platform';

/** One step of a deployment: stacks deployed together, after every earlier step succeeded. */
export interface DeploymentStep {
  /** The pipeline stage's name. */
  readonly name: string;
  /** The stacks' construct ids, as `cdk deploy` selects them. */
  readonly stacks: readonly string[];
}

const ids = (stacks: readonly Stack[]) => stacks.map((s) => s.node.path);

/** Splits a list into chunks of `size`, in order. */
export function inWaves<T>(items: readonly T[], size: number): T[][] {
  const waves: T[][] = [];
  for (let i = 0; i < items.length; i += size) waves.push(items.slice(i, i + size));
  return waves;
}

/**
 * The order the platform is deployed in, by what each stack reads: the security baseline, then
 * the network, then the shared services and service stacks, then departments in waves (each
 * reads the network, the log archive and the services' APIs), and the budgets last.
 */
export function deploymentOrder(platform: Platform, waveSize: number): DeploymentStep[] {
  const waves = inWaves(platform.departments, waveSize);
  return [
    { name: 'Security', stacks: ids([platform.security]) },
    { name: 'Network', stacks: ids(networkStackList(platform.network)) },
    {
      name: 'Services',
      stacks: ids([platform.sharedServices, ...platform.serviceExtras, ...Object.values(platform.services)]),
    },
    ...waves.map((wave, i) => ({ name: `Departments-${i + 1}`, stacks: ids(wave) })),
    { name: 'Budgets', stacks: ids([platform.budgets]) },
  ];
}
