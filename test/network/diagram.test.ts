import * as fs from 'node:fs';
import * as path from 'node:path';
import { networkDocument, networkMermaid } from '../../lib/network/diagram';
import { defaultConfig, REPO_ROOT } from '../helpers/platform';
import { configVariant } from './config-variants';

describe('the network diagram', () => {
  const config = defaultConfig();
  const mermaid = networkMermaid(config);

  it('is current in docs/network.md for the default config (run `npm run diagram` after changing it)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'network.md'), 'utf8');
    expect(committed).toBe(networkDocument(config, 'config/default.yaml'));
  });

  it('draws every hub VPC and department with its block, each linked to the Transit Gateway', () => {
    for (const block of Object.values(config.network.hub)) expect(mermaid).toContain(block);
    for (const d of config.departments) {
      expect(mermaid).toContain(`dept_${d.code}["${d.code} ${d.cidr}`);
      expect(mermaid).toContain(`dept_${d.code} --> tgw`);
    }
  });

  it('draws the data centre over the VPN, and the path to the internet through inspection and egress', () => {
    expect(mermaid).toContain('dc_ranges --- vpn --- tgw');
    expect(mermaid).toContain(`BGP ASN ${config.network.vpn.bgpAsn}`);
    expect(mermaid).toMatch(
      /tgw -->\|0\.0\.0\.0\/0\| inspection\n {2}inspection -->\|after inspection\| tgw\n {2}tgw -->\|internet\| egress\n {2}egress --> internet/,
    );
    expect(mermaid).not.toContain('dx');
  });

  it('shows a Direct Connect gateway, the dev profile and the inspect mode when configured', () => {
    const variant = configVariant((raw) => {
      raw.network.directConnectGatewayId = '5f294f92-bafb-4011-916d-9b0b0c2a1e7d';
      raw.network.spokeToSpoke = 'inspect';
      raw.platform.profile = 'dev';
    });
    const doc = networkDocument(variant, 'variant.yaml');
    expect(doc).toContain('dc_ranges --- dx --- tgw');
    expect(doc).toContain('1 NAT gateway,');
    expect(doc).toContain('spoke to spoke: inspect');
    expect(doc).not.toContain('blackholed');
    expect(doc).toContain('learned over BGP from Direct Connect (preferred) and the VPN');
  });
});
