import fc from 'fast-check';
import { contains, overlaps, parseCidr } from '../../lib/config/cidr';
import {
  addressPlan,
  departmentBlock,
  nextFreeBlock,
  subnetPrefix,
  subnetPrefixOf,
  tierSubnetPrefix,
} from '../../lib/network/address-plan';
import { defaultConfig } from '../helpers/platform';

const block = (text: string) => parseCidr(text) ?? fail(`bad test CIDR ${text}`);

describe('the address plan', () => {
  const config = defaultConfig();

  it('lists the hub blocks, the departments and the data centre of the config', () => {
    const plan = addressPlan(config);
    expect(plan.hub).toEqual(config.network.hub);
    expect(plan.departments).toEqual([
      { code: 'DPO', cidr: '10.65.0.0/20' },
      { code: 'TD', cidr: '10.65.16.0/20' },
      { code: 'FEHD', cidr: '10.65.32.0/20' },
    ]);
    expect(departmentBlock(config, 'TD')).toBe('10.65.16.0/20');
    expect(() => departmentBlock(config, 'XX')).toThrow(/No department XX.*DPO, TD, FEHD/);
  });

  it('splits a VPC evenly between its tiers and zones', () => {
    expect(subnetPrefix(20, 2, 2)).toBe(22);
    expect(subnetPrefix(20, 2, 3)).toBe(23);
    expect(subnetPrefix(20, 2, 6)).toBe(24);
    expect(subnetPrefixOf('sharedServices', '10.64.16.0/20', 2)).toBe(21);
    expect(subnetPrefixOf('inspection', '10.64.0.0/22', 3)).toBe(25);
  });

  it('refuses a block too small for its subnets, or malformed, before building anything', () => {
    expect(tierSubnetPrefix('10.65.0.0/26', 2, 2)).toBe(28);
    expect(() => tierSubnetPrefix('10.65.0.0/27', 2, 2)).toThrow(
      '10.65.0.0/27 is too small for 4 subnets of at least /28; use a larger block.',
    );
    expect(() => tierSubnetPrefix('10.65.0.1/20', 2, 2)).toThrow(/not a CIDR block/);
  });

  it('proposes the first free aligned block, clear of the hub and the existing departments', () => {
    expect(nextFreeBlock(config, 20)).toBe('10.64.32.0/20');
    expect(nextFreeBlock(config, 16)).toBe('10.66.0.0/16');
    expect(nextFreeBlock(config, 19)).toBe('10.64.32.0/19');
    expect(nextFreeBlock(config, 18)).toBe('10.64.64.0/18');
  });

  it('never proposes a block that overlaps anything in use or leaves the platform range', () => {
    const used = [...Object.values(config.network.hub), ...config.departments.map((d) => d.cidr), ...config.onPremises.ranges].map(block);
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 28 }), (prefix) => {
        const free = block(nextFreeBlock(config, prefix) ?? fail(`no free /${prefix}`));
        expect(free.prefix).toBe(prefix);
        expect(contains(block(config.platform.cidr), free)).toBe(true);
        for (const u of used) expect(overlaps(u, free)).toBe(false);
      }),
    );
  });

  it('reports a full range as having no free block', () => {
    expect(nextFreeBlock(config, 12)).toBeUndefined();
    const full = { ...config, departments: [{ ...config.departments[0], cidr: '10.64.0.0/12' }] };
    expect(nextFreeBlock(full, 20)).toBeUndefined();
  });
});
