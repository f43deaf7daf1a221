import type { App, Stack } from 'aws-cdk-lib';
import { SERVICES } from '../lambda/registry';
import type { PlatformConfig } from './config/schema';
import type { ServiceName } from './config/services';
import { dependOnPublishers } from './contract/ssm';
import { deploymentOrder } from './delivery/deployment-order';
import { PipelineStack } from './delivery/pipeline-stack';
import { BudgetsStack } from './departments/budgets-stack';
import { DepartmentStack } from './departments/department-stack';
import { buildNetwork, type NetworkStacks, networkStackList } from './network/network';
import { importServiceFunctionSecurityGroup, importSharedServicesVpc } from './network/shared-services-vpc';
import { isDeployable, isOrganization, pendingPlatformAccounts } from './organization/accounts';
import { OrganizationStack } from './organization/organization-stack';
import { SecurityDelegationStack } from './organization/security-delegation-stack';
import { OrganizationSecurityStack } from './security/organization-security-stack';
import { SecurityBaselineStack } from './security/security-baseline-stack';
import { serviceBlueprint } from './services/blueprints';
import { ServiceStack } from './services/service-stack';
import { SharedServicesStack } from './shared-services/shared-services-stack';

/** Every stack of the platform, by area. */
export interface Platform {
  /** The organization (OUs, accounts, service control policies), in organization mode. */
  readonly organization?: OrganizationStack;
  /** Security services delegated to the audit account (management account), in organization mode. */
  readonly securityDelegation?: SecurityDelegationStack;
  /** The organization's security services, run from the audit account, in organization mode. */
  readonly organizationSecurity?: OrganizationSecurityStack;
  readonly security: SecurityBaselineStack;
  readonly network: NetworkStacks;
  readonly sharedServices: SharedServicesStack;
  readonly services: Readonly<Record<string, ServiceStack>>;
  /** Stacks services bring of their own (their blueprints' `extraStacks`), which their stacks deploy after. */
  readonly serviceExtras: readonly Stack[];
  readonly departments: readonly DepartmentStack[];
  readonly budgets: BudgetsStack;
  /** The delivery pipeline, when `delivery.enabled`. */
  readonly pipeline?: PipelineStack;
}

/**
 * Builds every stack of the platform from a validated config. In organization mode, a
 * department whose account is still to be created gets its stacks once its id is in the config.
 */
export function buildPlatform(app: App, config: PlatformConfig): Platform {
  const pending = pendingPlatformAccounts(config);
  if (pending.length > 0) {
    throw new Error(
      `The platform's stacks deploy to accounts still to be created (${pending.map((a) => a.path).join(', ')}): build the Organization stack alone with buildAccounts, deploy it, then write the new ids into the config.`,
    );
  }
  const organization = buildAccounts(app, config);
  const security = new SecurityBaselineStack(app, 'Security', { config });
  const { securityDelegation, organizationSecurity } = buildOrganizationSecurity(app, config);
  const network = buildNetwork(app, { config, logArchive: security.logArchive });
  const sharedServices = new SharedServicesStack(app, 'SharedServices', { config });
  const networkStacks = networkStackList(network);
  // The citizen pool's trigger runs in the shared-services VPC and alarms to the security topic.
  for (const dependency of [security, ...networkStacks]) sharedServices.addStackDependency(dependency);
  const services = Object.fromEntries(
    config.services.enabled.map((name) => {
      const stack = new ServiceStack(app, `Service-${name}`, {
        config,
        service: SERVICES[name as ServiceName],
        vpc: (scope) => importSharedServicesVpc(scope, config),
        securityGroups: (scope) => [importServiceFunctionSecurityGroup(scope, config)],
        internal: config.services.internal.includes(name),
      });
      for (const dependency of [security, sharedServices, ...networkStacks]) stack.addStackDependency(dependency);
      return [name, stack];
    }),
  );
  const serviceExtras = Object.entries(services).flatMap(([name, stack]) => {
    const extras = serviceBlueprint(name).extraStacks?.(app, config) ?? [];
    for (const extra of extras) stack.addStackDependency(extra);
    return extras;
  });
  const departments = config.departments
    .filter((department) => isDeployable(config, department))
    .map((department) => new DepartmentStack(app, `Dept-${department.code}`, { config, department }));
  // A department deploys after what it reads (the network, the log archive, the APIs of the
  // services it is entitled to), not after every stack of the platform.
  dependOnPublishers(departments, [security, ...networkStacks, sharedServices, ...Object.values(services)]);
  const budgets = new BudgetsStack(app, 'Budgets', { config });
  const stacks = {
    organization,
    securityDelegation,
    organizationSecurity,
    security,
    network,
    sharedServices,
    services,
    serviceExtras,
    departments,
    budgets,
  };
  const pipeline = config.delivery.enabled
    ? new PipelineStack(app, 'Pipeline', {
        config,
        steps: deploymentOrder(stacks, config.delivery.waveSize),
        // The pipeline synthesizes the config this app was given, as the CLI names it.
        configPath: (app.node.tryGetContext('config') as string | undefined) ?? 'config/default.yaml',
      })
    : undefined;
  return { ...stacks, pipeline };
}

/** The Organization stack, in organization mode: all there is to deploy while platform accounts are still to be created. */
export function buildAccounts(app: App, config: PlatformConfig): OrganizationStack | undefined {
  return isOrganization(config) ? new OrganizationStack(app, 'Organization', { config }) : undefined;
}

/** In organization mode: the security services delegated to the audit account, and what it runs for the organization. */
function buildOrganizationSecurity(
  app: App,
  config: PlatformConfig,
): { securityDelegation?: SecurityDelegationStack; organizationSecurity?: OrganizationSecurityStack } {
  if (!isOrganization(config)) return {};
  const securityDelegation = new SecurityDelegationStack(app, 'SecurityDelegation', { config });
  const organizationSecurity = new OrganizationSecurityStack(app, 'OrganizationSecurity', { config });
  organizationSecurity.addStackDependency(securityDelegation);
  return { securityDelegation, organizationSecurity };
}
