import type { Classification } from '../config/classification';
import type { AccountConfig, DepartmentConfig, PlatformConfig } from '../config/schema';

/**
 * Where each stack of the platform deploys: the one seam between single-account and organization
 * mode. In single-account mode every answer is `undefined` (a stack deploys to the account of the
 * credentials, as before); in organization mode, the account the config names.
 */

/** The platform's own accounts, each with one purpose. */
export const PLATFORM_ACCOUNTS = ['logArchive', 'audit', 'network', 'sharedServices', 'deployment'] as const;
export type PlatformAccount = (typeof PLATFORM_ACCOUNTS)[number];

/** Which account a stack deploys to: one of the platform's, the management account, or a department's. */
export type StackHome = PlatformAccount | 'management';

/** The organizational units, by key; the workload OUs are children of `Workloads`. */
export const TOP_LEVEL_OUS = ['Security', 'Infrastructure', 'Workloads', 'Sandbox', 'Suspended'] as const;
export type TopLevelOu = (typeof TOP_LEVEL_OUS)[number];
export type WorkloadOu = 'Unclassified' | 'Restricted' | 'Confidential' | 'Secret';
export type OuKey = TopLevelOu | WorkloadOu;

/** The OU a platform account sits in. */
export const PLATFORM_ACCOUNT_OU: Readonly<Record<PlatformAccount, TopLevelOu>> = {
  logArchive: 'Security',
  audit: 'Security',
  network: 'Infrastructure',
  sharedServices: 'Infrastructure',
  deployment: 'Infrastructure',
};

/** The workload OU of a classification: a department's account sits in the OU of its data. */
export function workloadOu(classification: Classification): WorkloadOu {
  const ous: Record<Classification, WorkloadOu> = {
    UNCLASSIFIED: 'Unclassified',
    RESTRICTED: 'Restricted',
    CONFIDENTIAL: 'Confidential',
    SECRET: 'Secret',
  };
  return ous[classification];
}

/** One account of the organization, as the config gives it. */
export interface PlannedAccount {
  /** Where the config gives it, like `departments[3]` or `organization.accounts.network`. */
  readonly path: string;
  /** The account's name in the organization, like `gcp-dept-td`. */
  readonly name: string;
  readonly ou: OuKey;
  /** Known once the account exists. */
  readonly id?: string;
  /** Present when the Organization stack creates (or has created) the account. */
  readonly email?: string;
  /** The department it belongs to. */
  readonly department?: DepartmentConfig;
}

const ACCOUNT_NAMES: Readonly<Record<PlatformAccount, string>> = {
  logArchive: 'log-archive',
  audit: 'audit',
  network: 'network',
  sharedServices: 'shared-services',
  deployment: 'deployment',
};

/** The accounts of an organization-mode config, platform accounts first; none in single-account mode. */
export function plannedAccounts(config: PlatformConfig): PlannedAccount[] {
  const org = config.organization;
  if (config.platform.tenancy !== 'organization' || !org) return [];
  const prefix = config.platform.prefix;
  const planned = (path: string, name: string, ou: OuKey, given: AccountConfig, department?: DepartmentConfig): PlannedAccount => ({
    path,
    name,
    ou,
    id: given.account,
    email: given.accountEmail,
    department,
  });
  const platform = PLATFORM_ACCOUNTS.flatMap((key) => {
    const given = org.accounts[key];
    return given ? [planned(`organization.accounts.${key}`, `${prefix}-${ACCOUNT_NAMES[key]}`, PLATFORM_ACCOUNT_OU[key], given)] : [];
  });
  const departments = config.departments.map((d, i) =>
    planned(`departments[${i}]`, `${prefix}-dept-${d.code.toLowerCase()}`, workloadOu(d.classification), d, d),
  );
  return [...platform, ...departments];
}

/** True when the platform's stacks are spread over the accounts of an organization. */
export function isOrganization(config: PlatformConfig): boolean {
  return config.platform.tenancy === 'organization';
}

/**
 * The account id a stack deploys to: `undefined` in single-account mode, and in organization
 * mode for an account still to be created (its stacks are then not built; see `isDeployable`).
 */
export function accountOf(config: PlatformConfig, home: StackHome | { readonly department: string }): string | undefined {
  const org = config.organization;
  if (!isOrganization(config) || !org) return undefined;
  if (typeof home === 'object') return config.departments.find((d) => d.code === home.department)?.account;
  if (home === 'management') return org.managementAccount;
  if (home === 'deployment') return (org.accounts.deployment ?? org.accounts.sharedServices).account;
  return org.accounts[home].account;
}

/** The platform accounts whose ids are not yet known: until they are, only the Organization stack is built. */
export function pendingPlatformAccounts(config: PlatformConfig): PlannedAccount[] {
  return plannedAccounts(config).filter((a) => !a.department && a.id === undefined);
}

/**
 * Whether a department's stacks can be built: always in single-account mode; in organization
 * mode once its account's id is known (after the Organization stack has created it).
 */
export function isDeployable(config: PlatformConfig, department: DepartmentConfig): boolean {
  return !isOrganization(config) || department.account !== undefined;
}

/**
 * The accounts the network account shares the Transit Gateway with: every department's whose id
 * is known. None in single-account mode, where nothing is shared.
 */
export function transitGatewayConsumers(config: PlatformConfig): string[] {
  if (!isOrganization(config)) return [];
  return config.departments.flatMap((d) => (d.account === undefined ? [] : [d.account]));
}
