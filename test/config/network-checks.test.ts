import { loadConfig } from '../../lib/config/load';
import { networkIssues } from '../../lib/config/network-checks';
import { defaultConfigIssues } from '../helpers/config';

const issuesOf = defaultConfigIssues;

describe('network checks', () => {
  it('find nothing wrong with the default config', () => {
    expect(networkIssues(loadConfig())).toEqual([]);
  });

  it.each<[string, (raw: any) => void, string, RegExp, RegExp]>([
    [
      'a hub block outside the platform',
      (r) => (r.network.hub.egress = '10.96.4.0/22'),
      'network.hub.egress',
      /outside the platform range/,
      /./,
    ],
    [
      'two hub VPCs on one block',
      (r) => (r.network.hub.endpoints = '10.64.4.0/22'),
      'network.hub.endpoints',
      /overlaps 10.64.4.0\/22 of network.hub.egress/,
      /./,
    ],
    ['a malformed hub block', (r) => (r.network.hub.inspection = '10.64.0.1/22'), 'network.hub.inspection', /host bits set/, /./],
    [
      'a department on a hub block',
      (r) => (r.departments[0].cidr = '10.64.16.0/20'),
      'departments[0].cidr',
      /overlaps 10.64.16.0\/20, the block of network.hub.sharedServices/,
      /like the free 10.64.32.0\/20/,
    ],
    [
      'a department larger than a VPC can be',
      (r) => (r.departments[0].cidr = '10.66.0.0/15'),
      'departments[0].cidr',
      /larger than a VPC can be/,
      /./,
    ],
    [
      'a hub VPC too small for its subnets',
      (r) => (r.network.hub.inspection = '10.64.0.0/27'),
      'network.hub.inspection',
      /too small for 4 subnets/,
      /\/26 or larger/,
    ],
    [
      'a resolver the platform has no route to',
      (r) => (r.onPremises.dnsResolvers = ['10.0.0.10', '192.168.1.10']),
      'onPremises.dnsResolvers[1]',
      /in none of onPremises.ranges/,
      /add the range holding the resolver/,
    ],
    [
      'a private VPN device address',
      (r) => (r.network.vpn.customerGatewayIp = '10.1.2.3'),
      'network.vpn.customerGatewayIp',
      /not a public address/,
      /./,
    ],
    ['one ASN on both sides', (r) => (r.network.vpn.bgpAsn = 64512), 'network.vpn.bgpAsn', /also the ASN of the Transit Gateway/, /./],
    ['a public Transit Gateway ASN', (r) => (r.network.transitGatewayAsn = 16509), 'network.transitGatewayAsn', /not a private ASN/, /./],
    [
      'a domain both allowed and blocked',
      (r) => (r.network.egress.allowedDomains = ['.gov.hk', 'dns.google']),
      'network.egress.allowedDomains[1]',
      /also blocked/,
      /remove it from one of the two lists/,
    ],
    [
      'a domain listed twice',
      (r) => r.network.egress.blockedDomains.push('dns.google'),
      'network.egress.blockedDomains[4]',
      /listed twice/,
      /./,
    ],
    [
      'a standard endpoint listed again',
      (r) => (r.network.interfaceEndpoints = ['sqs', 'kms']),
      'network.interfaceEndpoints[1]',
      /standard endpoints/,
      /./,
    ],
    [
      'an endpoint listed twice',
      (r) => (r.network.interfaceEndpoints = ['sqs', 'sqs']),
      'network.interfaceEndpoints[1]',
      /listed twice/,
      /./,
    ],
    ['an unknown spoke-to-spoke mode', (r) => (r.network.spokeToSpoke = 'allow'), 'network.spokeToSpoke', /not an allowed value/, /./],
    [
      'a firewall domain with a wildcard',
      (r) => (r.network.egress.allowedDomains = ['*.gov.hk']),
      'network.egress.allowedDomains[0]',
      /expected form/,
      /./,
    ],
    ['a missing VPN', (r) => delete r.network.vpn, 'network.vpn', /is required/, /./],
  ])('refuse %s', (_name, change, expectedPath, expectedMessage, expectedFix) => {
    const issue = issuesOf(change).find((i) => i.path === expectedPath);
    expect(issue).toBeDefined();
    expect(issue?.message).toMatch(expectedMessage);
    expect(issue?.fix).toMatch(expectedFix);
  });

  it('suggest a free block when departments overlap', () => {
    const issue = issuesOf((r) => (r.departments[1].cidr = r.departments[0].cidr)).find((i) => i.path === 'departments[1].cidr');
    expect(issue?.fix).toBe('give each department its own block, like the free 10.64.32.0/20');
  });

  it('accept an ASN too large for two bytes on the data-centre side', () => {
    expect(issuesOf((r) => (r.network.vpn.bgpAsn = 4_200_000_001))).toEqual([]);
  });
});
