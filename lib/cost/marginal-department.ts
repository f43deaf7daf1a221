import { parseCidr } from '../config/cidr';
import type { DepartmentConfig, PlatformConfig } from '../config/schema';
import { nextFreeBlock } from '../network/address-plan';

/** The code of the department added to price one more. */
export const PROBE_DEPARTMENT_CODE = 'ZZPROBE';

/**
 * The config with one more department like its last one (same classification, services and
 * network size) in the next free block of the platform range, to price what one more costs.
 */
export function withOneMoreDepartment(config: PlatformConfig): PlatformConfig {
  const model = config.departments[config.departments.length - 1];
  const prefix = parseCidr(model.cidr)?.prefix ?? 20;
  const cidr = nextFreeBlock(config, prefix);
  if (!cidr) throw new Error(`The platform range ${config.platform.cidr} has no free /${prefix} for one more department.`);
  const probe: DepartmentConfig = {
    ...model,
    code: PROBE_DEPARTMENT_CODE,
    name: { en: 'One more department', zh: '新增部門' },
    costCentre: 'PROBE-0001',
    cidr,
  };
  return { ...config, departments: [...config.departments, probe] };
}

/** The config in another profile (Macie then as that profile has it, unless the config says). */
export function withProfile(config: PlatformConfig, profile: PlatformConfig['platform']['profile']): PlatformConfig {
  return { ...config, platform: { ...config.platform, profile } };
}
