import type { App } from 'aws-cdk-lib';
import type { PlatformConfig } from './config/schema';
import { BudgetsStack } from './departments/budgets-stack';
import { DepartmentStack } from './departments/department-stack';
import { buildNetwork, type NetworkStacks } from './network/network';
import { SecurityBaselineStack } from './security/security-baseline-stack';
import { SharedServicesStack } from './shared-services/shared-services-stack';

/** Every stack of the platform, by area. */
export interface Platform {
  readonly security: SecurityBaselineStack;
  readonly network: NetworkStacks;
  readonly sharedServices: SharedServicesStack;
  readonly departments: readonly DepartmentStack[];
  readonly budgets: BudgetsStack;
}

/** Builds every stack of the platform from a validated config. */
export function buildPlatform(app: App, config: PlatformConfig): Platform {
  const security = new SecurityBaselineStack(app, 'Security', { config });
  const network = buildNetwork(app, { config, logArchive: security.logArchive });
  const sharedServices = new SharedServicesStack(app, 'SharedServices', { config });
  const departments = config.departments.map((department) => new DepartmentStack(app, `Dept-${department.code}`, { config, department }));
  const budgets = new BudgetsStack(app, 'Budgets', { config });
  return { security, network, sharedServices, departments, budgets };
}
