import { HUB_VPCS, nextFreeBlock, subnetPrefix, VPC_PREFIX_LIMITS, VPC_TIERS, type VpcKind } from '../network/address-plan';
import { cidrProblem, contains, type Ipv4Block, overlaps, parseCidr } from './cidr';
import type { ConfigIssue } from './issues';
import { type PlatformConfig, STANDARD_INTERFACE_ENDPOINTS } from './schema';

/**
 * Cross-checks of the `network` block: the hub's address blocks against the platform range,
 * the departments and the data centre; VPC and subnet sizes; routes to the on-premises DNS
 * resolvers; the VPN's addresses and ASNs; the firewall domain lists; the endpoint names.
 */
export function networkIssues(config: PlatformConfig): ConfigIssue[] {
  return [
    ...hubBlockIssues(config),
    ...vpcSizeIssues(config),
    ...resolverIssues(config),
    ...vpnIssues(config),
    ...domainIssues(config),
    ...endpointIssues(config),
  ];
}

/** Ranges that are never the public address of a VPN device. */
const NON_PUBLIC_RANGES = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '224.0.0.0/4',
  '240.0.0.0/4',
].map((r) => parseCidr(r) as Ipv4Block);

/** ASN ranges AWS accepts for the Amazon side of a Transit Gateway. */
const PRIVATE_ASN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [64512, 65534],
  [4_200_000_000, 4_294_967_294],
];

function hubBlockIssues(config: PlatformConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const platform = parseCidr(config.platform.cidr);
  const onPremises = config.onPremises.ranges.map((text, i) => ({ text, path: `onPremises.ranges[${i}]`, block: parseCidr(text) }));
  const hub: Array<{ path: string; text: string; block: Ipv4Block }> = [];
  for (const name of HUB_VPCS) {
    const path = `network.hub.${name}`;
    const text = config.network.hub[name];
    const problem = cidrProblem(text);
    if (problem) {
      issues.push({ path, value: text, message: problem, fix: 'write the block as its network address and prefix, like 10.64.0.0/22' });
      continue;
    }
    const block = parseCidr(text) as Ipv4Block;
    if (platform && !contains(platform, block)) {
      issues.push({
        path,
        value: text,
        message: `is outside the platform range ${config.platform.cidr}`,
        fix: `carve the hub's blocks from ${config.platform.cidr}`,
      });
    }
    for (const other of hub) {
      if (overlaps(block, other.block)) {
        issues.push({ path, value: text, message: `overlaps ${other.text} of ${other.path}`, fix: 'give each hub VPC its own block' });
      }
    }
    for (const range of onPremises) {
      if (range.block && overlaps(block, range.block)) {
        issues.push({
          path,
          value: text,
          message: `overlaps the on-premises range ${range.text} (${range.path})`,
          fix: 'choose a block that is not used in the data centre',
        });
      }
    }
    hub.push({ path, text, block });
  }
  config.departments.forEach((dept, i) => {
    const block = parseCidr(dept.cidr);
    if (!block) return;
    for (const h of hub) {
      if (overlaps(block, h.block)) {
        const free = nextFreeBlock(config, block.prefix);
        issues.push({
          path: `departments[${i}].cidr`,
          value: dept.cidr,
          message: `overlaps ${h.text}, the block of ${h.path}`,
          fix: free ? `give the department a block of its own, like the free ${free}` : 'give the department a block of its own',
        });
      }
    }
  });
  return issues;
}

function vpcSizeIssues(config: PlatformConfig): ConfigIssue[] {
  const zones = config.platform.availabilityZones.length;
  const vpcs: Array<{ path: string; text: string; kind: VpcKind }> = [
    ...HUB_VPCS.map((name) => ({ path: `network.hub.${name}`, text: config.network.hub[name], kind: name as VpcKind })),
    ...config.departments.map((d, i) => ({ path: `departments[${i}].cidr`, text: d.cidr, kind: 'department' as const })),
  ];
  const issues: ConfigIssue[] = [];
  for (const { path, text, kind } of vpcs) {
    const block = parseCidr(text);
    if (!block) continue;
    const tiers = VPC_TIERS[kind].length;
    if (block.prefix < VPC_PREFIX_LIMITS.largest) {
      issues.push({
        path,
        value: text,
        message: `is larger than a VPC can be (/${VPC_PREFIX_LIMITS.largest})`,
        fix: `use a block of /${VPC_PREFIX_LIMITS.largest} or smaller`,
      });
    } else if (subnetPrefix(block.prefix, tiers, zones) > VPC_PREFIX_LIMITS.smallest) {
      const needed = VPC_PREFIX_LIMITS.smallest - Math.ceil(Math.log2(tiers * zones));
      issues.push({
        path,
        value: text,
        message: `is too small for ${tiers * zones} subnets (${tiers} tiers in ${zones} zones) of at least /${VPC_PREFIX_LIMITS.smallest}`,
        fix: `use a block of /${needed} or larger`,
      });
    }
  }
  return issues;
}

function resolverIssues(config: PlatformConfig): ConfigIssue[] {
  const ranges = config.onPremises.ranges.map(parseCidr).filter((b): b is Ipv4Block => b !== undefined);
  return config.onPremises.dnsResolvers.flatMap((ip, i) => {
    const host = parseCidr(`${ip}/32`);
    if (!host || ranges.some((r) => contains(r, host))) return [];
    return [
      {
        path: `onPremises.dnsResolvers[${i}]`,
        value: ip,
        message: 'is in none of onPremises.ranges, so the platform has no route to it',
        fix: 'add the range holding the resolver to onPremises.ranges, or correct the address',
      },
    ];
  });
}

function vpnIssues(config: PlatformConfig): ConfigIssue[] {
  const { vpn, transitGatewayAsn } = config.network;
  const issues: ConfigIssue[] = [];
  const device = parseCidr(`${vpn.customerGatewayIp}/32`);
  if (device && NON_PUBLIC_RANGES.some((r) => contains(r, device))) {
    issues.push({
      path: 'network.vpn.customerGatewayIp',
      value: vpn.customerGatewayIp,
      message: 'is not a public address; AWS reaches the VPN device over the internet',
      fix: "write the public IPv4 address of the data centre's VPN device",
    });
  }
  if (!PRIVATE_ASN_RANGES.some(([low, high]) => transitGatewayAsn >= low && transitGatewayAsn <= high)) {
    issues.push({
      path: 'network.transitGatewayAsn',
      value: transitGatewayAsn,
      message: 'is not a private ASN a Transit Gateway accepts',
      fix: 'use a number from 64512 to 65534, or from 4200000000 to 4294967294',
    });
  }
  if (vpn.bgpAsn === transitGatewayAsn) {
    issues.push({
      path: 'network.vpn.bgpAsn',
      value: vpn.bgpAsn,
      message: 'is also the ASN of the Transit Gateway; BGP needs two different ones',
      fix: "use the ASN of the data centre's VPN device, or change network.transitGatewayAsn",
    });
  }
  return issues;
}

function domainIssues(config: PlatformConfig): ConfigIssue[] {
  const { allowedDomains, blockedDomains } = config.network.egress;
  const issues: ConfigIssue[] = [];
  const duplicates = (list: readonly string[], path: string) =>
    list.forEach((domain, i) => {
      if (list.indexOf(domain) !== i)
        issues.push({ path: `${path}[${i}]`, value: domain, message: 'is listed twice', fix: 'list each domain once' });
    });
  duplicates(allowedDomains, 'network.egress.allowedDomains');
  duplicates(blockedDomains, 'network.egress.blockedDomains');
  const blocked = new Set(blockedDomains);
  allowedDomains.forEach((domain, i) => {
    if (blocked.has(domain)) {
      issues.push({
        path: `network.egress.allowedDomains[${i}]`,
        value: domain,
        message: 'is also blocked; the block list would win',
        fix: 'remove it from one of the two lists',
      });
    }
  });
  return issues;
}

function endpointIssues(config: PlatformConfig): ConfigIssue[] {
  const standard: readonly string[] = STANDARD_INTERFACE_ENDPOINTS;
  const list = config.network.interfaceEndpoints;
  return list.flatMap((name, i) => {
    if (standard.includes(name)) {
      return [
        {
          path: `network.interfaceEndpoints[${i}]`,
          value: name,
          message: 'is one of the standard endpoints every platform has',
          fix: `remove it; the standard set is ${standard.join(', ')}`,
        },
      ];
    }
    if (list.indexOf(name) !== i) {
      return [{ path: `network.interfaceEndpoints[${i}]`, value: name, message: 'is listed twice', fix: 'list each endpoint once' }];
    }
    return [];
  });
}
