import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { formatCidr, parseCidr, subBlock } from '../lib/config/cidr';

const ROOT = path.join(__dirname, '..');

/**
 * The default config with `count` departments: generated codes, names and address blocks
 * carved from the platform range after the hub's block, as real departments would be.
 */
export function configWithDepartments(count: number): string {
  // Up to 128 departments get a /20 each from the /13 after the hub; more get a /21.
  const blockPrefix = count > 128 ? 21 : 20;
  const raw = parse(readFileSync(path.join(ROOT, 'config', 'default.yaml'), 'utf8'));
  const template = raw.departments[0];
  const platform = parseCidr(raw.platform.cidr);
  if (!platform) throw new Error('default config has no platform CIDR');
  const departmentsRange = subBlock(platform, platform.prefix + 1, 1);
  raw.departments = Array.from({ length: count }, (_, i) => {
    const code = `D${String(i + 1).padStart(3, '0')}`;
    const dept = { ...template, code, name: { en: `Generated Department ${i + 1}`, zh: `部門${i + 1}` }, costCentre: `${code}-0001` };
    if ('cidr' in template) dept.cidr = formatCidr(subBlock(departmentsRange, blockPrefix, i));
    return dept;
  });
  return stringify(raw);
}

/** The default config with one more department than it has, as an engineer would add one. */
export function defaultConfigPlusOne(): string {
  const raw = parse(readFileSync(path.join(ROOT, 'config', 'default.yaml'), 'utf8'));
  const template = raw.departments[0];
  const platform = parseCidr(raw.platform.cidr);
  if (!platform) throw new Error('default config has no platform CIDR');
  // The default departments take the first blocks of the /13 after the hub; this one the last.
  const departmentsRange = subBlock(platform, platform.prefix + 1, 1);
  raw.departments.push({
    ...template,
    code: 'NEWD',
    name: { en: 'A New Department', zh: '新部門' },
    costCentre: 'NEWD-0001',
    cidr: formatCidr(subBlock(departmentsRange, 20, 127)),
  });
  return stringify(raw);
}
