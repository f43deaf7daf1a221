import fc from 'fast-check';
import { dnsFirewallDomains, domainSlug } from '../../lib/network/dns-resolution';
import { endpointDnsName } from '../../lib/network/interface-endpoints';
import { SEGMENTS, segmentSlug } from '../../lib/network/segments';
import { cidrId } from '../../lib/network/transit-attachment';

describe('names derived from the config', () => {
  it('writes segments in kebab case for SSM paths, each distinct', () => {
    expect(SEGMENTS.map(segmentSlug)).toEqual(['shared-services', 'departments', 'inspection', 'egress', 'endpoints', 'on-premises']);
  });

  it('finds the public DNS name of a service endpoint, sub-services first', () => {
    expect(endpointDnsName('sts', 'ap-east-1')).toBe('sts.ap-east-1.amazonaws.com');
    expect(endpointDnsName('ecr.dkr', 'ap-east-1')).toBe('dkr.ecr.ap-east-1.amazonaws.com');
    expect(endpointDnsName('logs', 'cn-north-1', 'amazonaws.com.cn')).toBe('logs.cn-north-1.amazonaws.com.cn');
  });

  it('turns a leading dot into the domain and a wildcard for DNS Firewall', () => {
    expect(dnsFirewallDomains(['.ngrok.io', 'dns.google'])).toEqual(['ngrok.io', '*.ngrok.io', 'dns.google']);
  });

  it('names resources after domains without dots', () => {
    expect(domainSlug('gdc.gov.hk.internal')).toBe('gdc-gov-hk-internal');
    expect(domainSlug('.ngrok.io')).toBe('ngrok-io');
  });

  it('gives distinct CIDR blocks distinct construct ids without path separators', () => {
    const block = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 32 }))
      .map(([a, b, p]) => `${a}.${b}.0.0/${p}`);
    fc.assert(
      fc.property(block, block, (x, y) => {
        expect(cidrId(x)).not.toContain('/');
        expect(cidrId(x) === cidrId(y)).toBe(x === y);
      }),
    );
  });
});
