import { blockSize, formatCidr, type Ipv4Block, overlaps, parseCidr } from '../config/cidr';
import type { PlatformConfig } from '../config/schema';

/**
 * The platform's address plan, all of it inside `platform.cidr`:
 *
 * - each hub VPC has its own block, written in `network.hub`;
 * - each department states its own block in `departments[].cidr`.
 *
 * Departments keep an explicit block rather than one computed from their position in the list:
 * that is what makes the plan stable. Adding, removing or reordering departments never moves
 * another department's block, so no VPC is ever renumbered or replaced. The config checks make
 * sure every block is aligned, inside the platform range and overlaps nothing (hub, other
 * departments, the data centre), and `nextFreeBlock` proposes the block for the next department.
 *
 * Inside each VPC the block is split evenly and deterministically: one subnet per tier and zone.
 */

export const HUB_VPCS = ['inspection', 'egress', 'endpoints', 'sharedServices'] as const;
export type HubVpcName = (typeof HUB_VPCS)[number];

/** Subnet tiers of each kind of VPC; each tier has one subnet per availability zone. */
export const VPC_TIERS = {
  inspection: ['Transit', 'Firewall'],
  egress: ['Public', 'Transit'],
  endpoints: ['Endpoints', 'Transit'],
  sharedServices: ['App'],
  department: ['App', 'Data'],
} as const satisfies Record<HubVpcName | 'department', readonly string[]>;
export type VpcKind = keyof typeof VPC_TIERS;

/** Largest and smallest VPC blocks AWS accepts. */
export const VPC_PREFIX_LIMITS = { largest: 16, smallest: 28 } as const;

/** Prefix length of the subnets when a VPC's block is split evenly across its tiers and zones. */
export function subnetPrefix(vpcPrefix: number, tiers: number, zones: number): number {
  return vpcPrefix + Math.ceil(Math.log2(tiers * zones));
}

/** The subnet prefix of a VPC of `kind` with block `cidr` across `zones` zones. */
export function subnetPrefixOf(kind: VpcKind, cidr: string, zones: number): number {
  return tierSubnetPrefix(cidr, VPC_TIERS[kind].length, zones);
}

/**
 * The subnet prefix of a VPC with block `cidr` split across `tiers` tiers in `zones` zones;
 * throws when the block is malformed or its subnets would be smaller than AWS allows.
 */
export function tierSubnetPrefix(cidr: string, tiers: number, zones: number): number {
  const block = parseCidr(cidr);
  if (!block) throw new Error(`${cidr} is not a CIDR block like 10.65.0.0/20.`);
  const prefix = subnetPrefix(block.prefix, tiers, zones);
  if (prefix > VPC_PREFIX_LIMITS.smallest) {
    throw new Error(`${cidr} is too small for ${tiers * zones} subnets of at least /${VPC_PREFIX_LIMITS.smallest}; use a larger block.`);
  }
  return prefix;
}

export interface DepartmentBlock {
  readonly code: string;
  readonly cidr: string;
}

export interface AddressPlan {
  readonly platform: string;
  readonly hub: Readonly<Record<HubVpcName, string>>;
  readonly departments: readonly DepartmentBlock[];
  readonly onPremises: readonly string[];
}

/** The address plan of a validated config. */
export function addressPlan(config: PlatformConfig): AddressPlan {
  return {
    platform: config.platform.cidr,
    hub: { ...config.network.hub },
    departments: config.departments.map((d) => ({ code: d.code, cidr: d.cidr })),
    onPremises: [...config.onPremises.ranges],
  };
}

/** The block of the department with `code`; throws when there is no such department. */
export function departmentBlock(config: PlatformConfig, code: string): string {
  const dept = config.departments.find((d) => d.code === code);
  if (!dept) throw new Error(`No department ${code} in the config; known: ${config.departments.map((d) => d.code).join(', ')}.`);
  return dept.cidr;
}

/** Every well-formed block a new department block must stay clear of. */
function blocksInUse(config: PlatformConfig): Ipv4Block[] {
  const texts = [...Object.values(config.network.hub), ...config.departments.map((d) => d.cidr), ...config.onPremises.ranges];
  return texts.map(parseCidr).filter((b): b is Ipv4Block => b !== undefined);
}

/**
 * The first block of length `prefix` inside the platform range that overlaps nothing in use,
 * or undefined when the range is full (or malformed).
 */
export function nextFreeBlock(config: PlatformConfig, prefix: number): string | undefined {
  const platform = parseCidr(config.platform.cidr);
  if (!platform || prefix < platform.prefix || prefix > 32) return undefined;
  const used = blocksInUse(config);
  const size = blockSize(prefix);
  const end = platform.network + blockSize(platform.prefix);
  let network = platform.network;
  while (network + size <= end) {
    const candidate = { network, prefix };
    const clash = used.find((u) => overlaps(u, candidate));
    if (!clash) return formatCidr(candidate);
    // Skip past the block in the way, to the next aligned candidate.
    const clashEnd = clash.network + blockSize(clash.prefix);
    network = Math.max(network + size, Math.ceil(clashEnd / size) * size);
  }
  return undefined;
}
