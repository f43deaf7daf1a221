import { isAtLeast } from '../config/classification';
import type { PlatformConfig } from '../config/schema';
import type { OuKey, TopLevelOu, WorkloadOu } from './accounts';
import { confidentialData, restrictedData } from './scp/classified-data';
import type { ScpDocument } from './scp/document';
import { deniedBy, type RequestCase } from './scp/evaluate';
import { denyAll, denyLeavingOrganization, denyRootUser } from './scp/organization-integrity';
import { protectPlatformRoles } from './scp/protect-platform-roles';
import { protectSecurityServices } from './scp/protect-security-services';
import { regionLock } from './scp/region-lock';
import { workloadGuardrails } from './scp/workload-guardrails';

/** Where a policy is attached: the root, or an OU. */
export type ScpTarget = 'Root' | OuKey;

/** A service control policy of the platform and where it applies. */
export interface Guardrail {
  /** Short name; the policy is named `<prefix>-<name>`. */
  readonly name: string;
  readonly description: string;
  readonly document: ScpDocument;
  readonly targets: readonly ScpTarget[];
}

/**
 * Policies a target can hold besides the FullAWSAccess policy every target keeps: Organizations
 * allows five SCPs per root, OU or account.
 */
export const SCPS_PER_TARGET = 4;

/** The workload OUs under a ceiling: Secret only when the platform may hold SECRET data. */
export function workloadOus(config: PlatformConfig): WorkloadOu[] {
  return [
    'Unclassified',
    'Restricted',
    'Confidential',
    ...(isAtLeast(config.platform.classificationCeiling, 'SECRET') ? ['Secret' as const] : []),
  ];
}

/** The parent of each OU; top-level OUs sit under the root. */
export function parentOf(ou: OuKey): ScpTarget {
  return (['Unclassified', 'Restricted', 'Confidential', 'Secret'] as const).includes(ou as WorkloadOu) ? 'Workloads' : 'Root';
}

/** An OU and its ancestors, nearest first, ending at the root. */
export function ancestry(ou: OuKey): ScpTarget[] {
  const chain: ScpTarget[] = [ou];
  let at: ScpTarget = ou;
  while (at !== 'Root') {
    at = parentOf(at);
    chain.push(at);
  }
  return chain;
}

/** Every SCP of the platform, with its targets. */
export function guardrails(config: PlatformConfig): Guardrail[] {
  const { prefix, region, permittedSecondaryRegion } = config.platform;
  const present = new Set<ScpTarget>(workloadOus(config));
  const only = (...targets: ScpTarget[]) => targets.filter((t) => t === 'Root' || !isWorkloadOu(t) || present.has(t));
  const everyTopLevel: TopLevelOu[] = ['Security', 'Infrastructure', 'Workloads', 'Sandbox'];
  return [
    {
      name: 'region-lock',
      description: `Data residency: only ${[region, permittedSecondaryRegion].filter(Boolean).join(' and ')}, and the global services`,
      document: regionLock({ region, permittedSecondaryRegion }),
      targets: ['Root'],
    },
    {
      name: 'deny-leaving-organization',
      description: 'No account leaves the organization',
      document: denyLeavingOrganization(),
      targets: ['Root'],
    },
    { name: 'deny-root-user', description: 'The root user of a member account does nothing', document: denyRootUser(), targets: ['Root'] },
    {
      name: 'protect-security-services',
      description: 'CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer and Macie change only through deployments',
      document: protectSecurityServices(),
      targets: ['Root'],
    },
    {
      name: 'protect-platform-roles',
      description: `Roles named ${prefix}-* and the CDK bootstrap roles change only through deployments`,
      document: protectPlatformRoles({ prefix }),
      targets: everyTopLevel,
    },
    {
      name: 'workload-guardrails',
      description: 'No IAM users or access keys, no internet gateways, no change to the account public access block',
      document: workloadGuardrails(),
      targets: ['Workloads'],
    },
    {
      name: 'restricted-data',
      description: 'RESTRICTED and above: encrypted storage, customer-managed keys where a condition key tells',
      document: restrictedData(),
      targets: only('Restricted', 'Confidential', 'Secret'),
    },
    {
      name: 'confidential-data',
      description: 'CONFIDENTIAL and above: private API endpoints only',
      document: confidentialData(),
      targets: only('Confidential', 'Secret'),
    },
    { name: 'suspended', description: 'Nothing runs or changes in a suspended account', document: denyAll(), targets: ['Suspended'] },
  ];
}

function isWorkloadOu(target: ScpTarget): target is WorkloadOu {
  return parentOf(target as OuKey) === 'Workloads';
}

/** The guardrails that reach an account in `ou`, through the OU or any of its ancestors. */
export function guardrailsOf(all: readonly Guardrail[], ou: OuKey): Guardrail[] {
  const chain = new Set(ancestry(ou));
  return all.filter((g) => g.targets.some((t) => chain.has(t)));
}

/** The names of the guardrails that deny `request` to a principal of an account in `ou`. */
export function denyingGuardrails(all: readonly Guardrail[], ou: OuKey, request: RequestCase): string[] {
  return guardrailsOf(all, ou)
    .filter((g) => deniedBy(g.document, request).length > 0)
    .map((g) => g.name);
}
