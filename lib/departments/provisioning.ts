import type { DepartmentProvision, PlatformCatalogue, ServiceEntry } from '../../lambda/platform/domain/catalogue';
import type { DepartmentConfig, PlatformConfig } from '../config/schema';
import { type ServiceName, serviceDescription } from '../config/services';
import { type ParameterName, PlatformParameters } from '../contract/parameters';
import { DEPARTMENT_ROLES, departmentRoleName } from '../contract/roles';

/** Default API quota of a department on each shared service it is entitled to. */
export const DEFAULT_QUOTAS = { requestsPerSecond: 50, burst: 100, requestsPerMonth: 1_000_000 } as const;

function departmentProvision(config: PlatformConfig, dept: DepartmentConfig): DepartmentProvision {
  const published = new PlatformParameters(config.platform.prefix).department(dept.code);
  const item = (purpose: string, parameter: ParameterName) => ({ purpose, parameter });
  return {
    code: dept.code,
    name: dept.name,
    classification: dept.classification,
    costCentre: dept.costCentre,
    network: {
      cidr: dept.cidr,
      availabilityZones: config.platform.availabilityZones,
      parameters: [
        item('VPC id', published.vpcId),
        ...config.platform.availabilityZones.map((az, i) => item(`app subnet in ${az}`, published.appSubnet(i))),
      ],
    },
    keys: [item('data encryption key ARN', published.keyArn)],
    buckets: [item('data bucket name', published.dataBucketName)],
    logGroups: [item('log group name', published.logGroupName)],
    apiKey: dept.services.length > 0 ? item('API key id for the shared services', published.apiKeyId) : undefined,
    roles: DEPARTMENT_ROLES.map((role) => ({
      ...item(`${role} role ARN`, published.roleArn(role)),
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
