import type { DepartmentProvision, PlatformCatalogue, ServiceEntry } from '../../lambda/platform/domain/catalogue';
import type { DepartmentConfig, PlatformConfig } from '../config/schema';
import { type ServiceName, serviceDescription } from '../config/services';
import { ParameterNames } from '../parameter-names';

/** The roles every department gets, by short name. */
export const DEPARTMENT_ROLES = ['admin', 'developer', 'read-only'] as const;
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

/** Default API quota of a department on each shared service it is entitled to. */
export const DEFAULT_QUOTAS = { requestsPerSecond: 50, burst: 100, requestsPerMonth: 1_000_000 } as const;

/**
 * Items published under `/<prefix>/departments/<code>/`: the department stack writes them and
 * the catalogue and handbook name them, from this one list.
 */
export const DEPARTMENT_PARAMETERS = {
  keyArn: 'key-arn',
  dataBucketName: 'data-bucket-name',
  logGroupName: 'log-group-name',
  classification: 'classification',
  apiKeyId: 'api-key-id',
  vpcId: 'vpc-id',
  appSubnet: (index: number) => `app-subnet-${index}`,
  roleArn: (role: DepartmentRole) => `role-${role}-arn`,
} as const;

/** IAM role name of a department role; the services derive the department from it. */
export function departmentRoleName(prefix: string, code: string, role: DepartmentRole): string {
  return `${prefix}-dept-${code.toLowerCase()}-${role}`;
}

function departmentProvision(config: PlatformConfig, dept: DepartmentConfig): DepartmentProvision {
  const names = new ParameterNames(config.platform.prefix);
  const item = (purpose: string, key: string) => ({ purpose, parameter: names.department(dept.code, key) });
  return {
    code: dept.code,
    name: dept.name,
    classification: dept.classification,
    costCentre: dept.costCentre,
    network: {
      cidr: dept.cidr,
      availabilityZones: config.platform.availabilityZones,
      parameters: [
        item('VPC id', DEPARTMENT_PARAMETERS.vpcId),
        ...config.platform.availabilityZones.map((az, i) => item(`app subnet in ${az}`, DEPARTMENT_PARAMETERS.appSubnet(i))),
      ],
    },
    keys: [item('data encryption key ARN', DEPARTMENT_PARAMETERS.keyArn)],
    buckets: [item('data bucket name', DEPARTMENT_PARAMETERS.dataBucketName)],
    logGroups: [item('log group name', DEPARTMENT_PARAMETERS.logGroupName)],
    apiKey: dept.services.length > 0 ? item('API key id for the shared services', DEPARTMENT_PARAMETERS.apiKeyId) : undefined,
    roles: DEPARTMENT_ROLES.map((role) => ({
      ...item(`${role} role ARN`, DEPARTMENT_PARAMETERS.roleArn(role)),
      role,
      name: departmentRoleName(config.platform.prefix, dept.code, role),
    })),
    entitlements: dept.services.map((service) => ({ service, basePath: serviceDescription(service as ServiceName).basePath })),
    quotas: DEFAULT_QUOTAS,
    monthlyBudgetUsd: dept.monthlyBudgetUsd,
  };
}

/** The catalogue the platform API serves, derived from the config alone. */
export function buildCatalogue(config: PlatformConfig): PlatformCatalogue {
  const internal = new Set(config.services.internal);
  const services: ServiceEntry[] = config.services.enabled.map((name) => {
    const entry = serviceDescription(name as ServiceName);
    return {
      name,
      title: entry.title,
      description: entry.description,
      basePath: entry.basePath,
      access: internal.has(name) ? 'internal' : 'public',
      status: 'available',
      openApi: `${entry.basePath}/openapi.json`,
    };
  });
  return {
    platform: { name: config.platform.name, region: config.platform.region },
    services,
    departments: config.departments.map((d) => departmentProvision(config, d)),
  };
}
