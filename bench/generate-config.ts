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
  const raw = parse(readFileSync(path.join(ROOT, 'config', 'default.yaml'), 'utf8'));
  const template = raw.departments[0];
  const platform = parseCidr(raw.platform.cidr);
  if (!platform) throw new Error('default config has no platform CIDR');
  const departmentsRange = subBlock(platform, platform.prefix + 1, 1);
  raw.departments = Array.from({ length: count }, (_, i) => {
    const code = `D${String(i + 1).padStart(3, '0')}`;
    const dept = { ...template, code, name: { en: `Generated Department ${i + 1}`, zh: `部門${i + 1}` }, costCentre: `${code}-0001` };
    if ('cidr' in template) dept.cidr = formatCidr(subBlock(departmentsRange, 20, i));
    return dept;
  });
  return stringify(raw);
}
