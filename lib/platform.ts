import type { App } from 'aws-cdk-lib';
import { CATALOGUE_FILE } from '../lambda/platform/storage';
import { SERVICES } from '../lambda/registry';
import type { PlatformConfig } from './config/schema';
import type { ServiceName } from './config/services';
import { BudgetsStack } from './departments/budgets-stack';
import { DepartmentStack } from './departments/department-stack';
import { buildCatalogue } from './departments/provisioning';
import { buildNetwork, type NetworkStacks, networkStackList } from './network/network';
import { importServiceFunctionSecurityGroup, importSharedServicesVpc } from './network/shared-services-vpc';
import { SecurityBaselineStack } from './security/security-baseline-stack';
import { NotifyEmailStack } from './services/notify-email-stack';
import { ServiceStack } from './services/service-stack';
import { SharedServicesStack } from './shared-services/shared-services-stack';

/** Every stack of the platform, by area. */
export interface Platform {
  readonly security: SecurityBaselineStack;
  readonly network: NetworkStacks;
  readonly sharedServices: SharedServicesStack;
  readonly services: Readonly<Record<string, ServiceStack>>;
  readonly departments: readonly DepartmentStack[];
  readonly budgets: BudgetsStack;
}

/** Builds every stack of the platform from a validated config. */
export function buildPlatform(app: App, config: PlatformConfig): Platform {
  const security = new SecurityBaselineStack(app, 'Security', { config });
  const network = buildNetwork(app, { config, logArchive: security.logArchive });
  const sharedServices = new SharedServicesStack(app, 'SharedServices', { config });
  const networkStacks = networkStackList(network);
  const services = Object.fromEntries(
    config.services.enabled.map((name) => {
      const stack = new ServiceStack(app, `Service-${name}`, {
        config,
        service: SERVICES[name as ServiceName],
        vpc: (scope) => importSharedServicesVpc(scope, config),
        securityGroups: (scope) => [importServiceFunctionSecurityGroup(scope, config)],
        internal: config.services.internal.includes(name),
        // The catalogue is too large for environment variables: it is bundled with the function.
        bundledFiles: name === 'platform' ? { [CATALOGUE_FILE]: JSON.stringify(buildCatalogue(config)) } : undefined,
      });
      for (const dependency of [security, sharedServices, ...networkStacks]) stack.addStackDependency(dependency);
      return [name, stack];
    }),
  );
  const emailRegion = config.notify.emailRegion;
  const notifyEmail =
    services.notify && emailRegion && emailRegion !== config.platform.region
      ? new NotifyEmailStack(app, 'Notify-Email', { config, emailRegion })
      : undefined;
  if (notifyEmail) services.notify.addStackDependency(notifyEmail);
  const departments = config.departments.map((department) => {
    const stack = new DepartmentStack(app, `Dept-${department.code}`, { config, department });
    for (const dependency of [security, ...networkStacks, ...Object.values(services)]) stack.addStackDependency(dependency);
    return stack;
  });
  const budgets = new BudgetsStack(app, 'Budgets', { config });
  return { security, network, sharedServices, services, departments, budgets };
}
