import { SERVICES } from '../../lambda/registry';
import { nextFreeBlock } from '../network/address-plan';
import { cidrProblem, contains, type Ipv4Block, overlaps, parseCidr } from './cidr';
import { classificationRank } from './classification';
import { identityIssues } from './identity-schema';
import type { ConfigIssue } from './issues';
import { networkIssues } from './network-checks';
import { organizationIssues } from './organization-checks';
import type { PlatformConfig } from './schema';
import { KNOWN_SERVICES } from './schema';

/**
 * Checks that need more than one field: address plan, uniqueness, cross-references.
 * Runs on a structurally valid config and returns every problem found.
 */
export function semanticIssues(config: PlatformConfig): ConfigIssue[] {
  return [
    ...regionIssues(config),
    ...addressIssues(config),
    ...uniquenessIssues(config),
    ...serviceIssues(config),
    ...classificationIssues(config),
    ...networkIssues(config),
    ...identityIssues(config.identity, config.platform.prefix, config.platform.domain?.name),
    ...organizationIssues(config),
  ];
}

interface NamedBlock {
  readonly path: string;
  readonly text: string;
  readonly block: Ipv4Block;
}

function blockAt(path: string, text: string, issues: ConfigIssue[]): NamedBlock | undefined {
  const problem = cidrProblem(text);
  if (problem) {
    issues.push({ path, value: text, message: problem, fix: 'write the block as its network address and prefix, like 10.64.0.0/16' });
    return undefined;
  }
  return { path, text, block: parseCidr(text) as Ipv4Block };
}

function addressIssues(config: PlatformConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const platform = blockAt('platform.cidr', config.platform.cidr, issues);
  const onPremises = config.onPremises.ranges
    .map((r, i) => blockAt(`onPremises.ranges[${i}]`, r, issues))
    .filter((b): b is NamedBlock => b !== undefined);
  const departments = config.departments
    .map((d, i) => blockAt(`departments[${i}].cidr`, d.cidr, issues))
    .filter((b): b is NamedBlock => b !== undefined);

  if (platform) {
    for (const range of onPremises) {
      if (overlaps(platform.block, range.block)) {
        issues.push({
          path: range.path,
          value: range.text,
          message: `overlaps the platform range ${platform.text}`,
          fix: 'choose a platform range that does not collide with the on-premises data centre',
        });
      }
    }
  }
  departments.forEach((dept, i) => {
    if (platform && !contains(platform.block, dept.block)) {
      issues.push({
        path: dept.path,
        value: dept.text,
        message: `is outside the platform range ${platform.text}`,
        fix: withFreeBlock(`carve the department's block from ${platform.text}`, config, dept.block.prefix),
      });
    }
    for (const range of onPremises) {
      if (overlaps(dept.block, range.block)) {
        issues.push({
          path: dept.path,
          value: dept.text,
          message: `overlaps the on-premises range ${range.text} (${range.path})`,
          fix: 'choose a block that is not used in the data centre',
        });
      }
    }
    for (const other of departments.slice(0, i)) {
      if (overlaps(dept.block, other.block)) {
        issues.push({
          path: dept.path,
          value: dept.text,
          message: `overlaps ${other.text} of ${other.path.replace('.cidr', '')}`,
          fix: withFreeBlock('give each department its own block', config, dept.block.prefix),
        });
      }
    }
  });
  return issues;
}

/** A fix, completed with the next free block of the same size when there is one. */
function withFreeBlock(fix: string, config: PlatformConfig, prefix: number): string {
  const free = nextFreeBlock(config, prefix);
  return free ? `${fix}, like the free ${free}` : fix;
}

function regionIssues(config: PlatformConfig): ConfigIssue[] {
  const { region, availabilityZones, permittedSecondaryRegion } = config.platform;
  const issues: ConfigIssue[] = availabilityZones.flatMap((az, i) => {
    const problems: ConfigIssue[] = [];
    if (!az.startsWith(region) || az.length !== region.length + 1) {
      problems.push({
        path: `platform.availabilityZones[${i}]`,
        value: az,
        message: `is not in the platform region ${region}`,
        fix: `use zones of ${region}, like ${region}a`,
      });
    }
    if (availabilityZones.indexOf(az) !== i) {
      problems.push({ path: `platform.availabilityZones[${i}]`, value: az, message: 'is listed twice', fix: 'list each zone once' });
    }
    return problems;
  });
  const emailRegion = config.notify.emailRegion;
  if (emailRegion && emailRegion !== region && emailRegion !== permittedSecondaryRegion) {
    issues.push({
      path: 'notify.emailRegion',
      value: emailRegion,
      message: `is neither the platform region ${region} nor its permitted secondary region`,
      fix: `use ${region}, or name ${emailRegion} as platform.permittedSecondaryRegion after a data-residency review`,
    });
  }
  if (permittedSecondaryRegion === region) {
    issues.push({
      path: 'platform.permittedSecondaryRegion',
      value: region,
      message: 'is the platform region itself',
      fix: 'name a different region, or remove the setting to keep data in one region',
    });
  }
  return issues;
}

function uniquenessIssues(config: PlatformConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const firstSeen = new Map<string, number>();
  config.departments.forEach((dept, i) => {
    const earlier = firstSeen.get(dept.code);
    if (earlier !== undefined) {
      issues.push({
        path: `departments[${i}].code`,
        value: dept.code,
        message: `is already the code of departments[${earlier}]`,
        fix: 'give each department a unique code',
      });
    } else {
      firstSeen.set(dept.code, i);
    }
  });
  return issues;
}

function serviceIssues(config: PlatformConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const known = `known services: ${KNOWN_SERVICES.join(', ')}`;
  const enabled = new Set(config.services.enabled);
  config.services.enabled.forEach((name, i) => {
    if (!KNOWN_SERVICES.includes(name)) {
      issues.push({
        path: `services.enabled[${i}]`,
        value: name,
        message: 'is not a service this platform provides',
        fix: `use one of the ${known}`,
      });
    }
  });
  config.services.internal.forEach((name, i) => {
    if (!enabled.has(name)) {
      issues.push({
        path: `services.internal[${i}]`,
        value: name,
        message: 'is not an enabled service',
        fix: 'list it under services.enabled too, or remove it',
      });
    }
  });
  config.departments.forEach((dept, d) => {
    dept.services.forEach((name, i) => {
      if (!KNOWN_SERVICES.includes(name)) {
        issues.push({
          path: `departments[${d}].services[${i}]`,
          value: name,
          message: 'is not a service this platform provides',
          fix: `use one of the ${known}`,
        });
      } else if (!enabled.has(name)) {
        issues.push({
          path: `departments[${d}].services[${i}]`,
          value: name,
          message: 'is not enabled on the platform',
          fix: 'add it to services.enabled, or remove the entitlement',
        });
      }
    });
  });
  return issues;
}

function classificationIssues(config: PlatformConfig): ConfigIssue[] {
  const ceiling = config.platform.classificationCeiling;
  const services = config.services.enabled.flatMap((name, i) => {
    const level = SERVICES[name as keyof typeof SERVICES]?.classification;
    return level && classificationRank(level) > classificationRank(ceiling)
      ? [
          {
            path: `services.enabled[${i}]`,
            value: name,
            message: `holds ${level} data, above the platform's ceiling ${ceiling}: this cloud may not hold it`,
            fix: `remove ${name} from services.enabled, or raise platform.classificationCeiling where the platform's policy allows ${level}`,
          },
        ]
      : [];
  });
  return services.concat(
    config.departments.flatMap((dept, i) =>
      classificationRank(dept.classification) > classificationRank(ceiling)
        ? [
            {
              path: `departments[${i}].classification`,
              value: dept.classification,
              message: `is above the platform's ceiling ${ceiling}: this cloud may not hold ${dept.code}'s data`,
              fix: `keep ${dept.code}'s ${dept.classification} workloads on-premises, or lower its classification after review`,
            },
          ]
        : [],
    ),
  );
}
