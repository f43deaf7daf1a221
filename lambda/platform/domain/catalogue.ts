/**
 * What the platform catalogue API serves: the shared services and, for each department, what
 * was provisioned for it. Built at synth from the config (lib/departments/provisioning.ts) and
 * embedded in the function; local mode builds the same from the same config.
 */
export interface ServiceEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly basePath: string;
  /** `internal` services are reachable only inside the platform network. */
  readonly access: 'public' | 'internal';
  readonly status: 'available';
  readonly openApi: string;
}

export interface ProvisionedItem {
  readonly purpose: string;
  /** SSM parameter holding the resource's id or ARN. */
  readonly parameter: string;
}

export interface DepartmentProvision {
  readonly code: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly classification: string;
  readonly costCentre: string;
  readonly network: {
    readonly cidr: string;
    readonly availabilityZones: readonly string[];
    readonly parameters: readonly ProvisionedItem[];
  };
  readonly keys: readonly ProvisionedItem[];
  readonly buckets: readonly ProvisionedItem[];
  readonly logGroups: readonly ProvisionedItem[];
  /** The department's API key for the shared services, when it is entitled to any. */
  readonly apiKey?: ProvisionedItem;
  readonly roles: readonly (ProvisionedItem & { readonly role: string; readonly name: string })[];
  readonly entitlements: readonly { readonly service: string; readonly basePath: string }[];
  readonly quotas: { readonly requestsPerSecond: number; readonly burst: number; readonly requestsPerMonth: number };
  readonly monthlyBudgetUsd: number;
}

export interface PlatformCatalogue {
  readonly platform: { readonly name: string; readonly region: string };
  readonly services: readonly ServiceEntry[];
  readonly departments: readonly DepartmentProvision[];
}

/** Summary of a department for the admin list. */
export function departmentSummary(d: DepartmentProvision) {
  return {
    code: d.code,
    name: d.name,
    classification: d.classification,
    costCentre: d.costCentre,
    entitlements: d.entitlements.map((e) => e.service),
  };
}
