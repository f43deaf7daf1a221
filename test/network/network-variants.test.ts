import { limitBreaches, stackFigures } from '../../lib/compliance/stack-limits';
import { DepartmentSpoke } from '../../lib/network/department-spoke';
import { buildNetwork, networkStackList } from '../../lib/network/network';
import { PlatformStack } from '../../lib/platform-stack';
import { SecurityBaselineStack } from '../../lib/security/security-baseline-stack';
import { unacknowledgedFindings, unitTestApp } from '../helpers/platform';
import { configVariant } from './config-variants';
import { TemplateModel } from './network-model';

const DX_GATEWAY = '5f294f92-bafb-4011-916d-9b0b0c2a1e7d';

function network(change: (raw: any) => void) {
  const config = configVariant(change);
  const app = unitTestApp();
  const security = new SecurityBaselineStack(app, 'Security', { config });
  const stacks = buildNetwork(app, { config, logArchive: security.logArchive });
  return { config, stacks };
}

describe('spoke to spoke: inspect', () => {
  const { stacks } = network((raw) => {
    raw.network.spokeToSpoke = 'inspect';
  });
  const hub = new TemplateModel(stacks.hub);
  const inspection = new TemplateModel(stacks.inspection);

  it('does not blackhole the platform range: departments reach each other through the firewall', () => {
    expect(hub.transitRoutes()).toEqual([]);
    expect(inspection.transitRoutes().filter((r) => r.routeTable === '/gcp/network/route-tables/departments')).toEqual([
      { routeTable: '/gcp/network/route-tables/departments', destination: '0.0.0.0/0', attachment: expect.anything(), blackhole: false },
    ]);
  });

  it('passes department-to-department traffic at the firewall instead of dropping it', () => {
    const eastWest = inspection.ofType('AWS::NetworkFirewall::RuleGroup').find(([, r]) => r.Properties.RuleGroupName === 'gcp-east-west');
    expect(eastWest?.[1].Properties.RuleGroup.RulesSource.RulesString).not.toMatch(/^drop/m);
  });
});

describe('with a Direct Connect gateway', () => {
  const { config, stacks } = network((raw) => {
    raw.network.directConnectGatewayId = DX_GATEWAY;
  });
  const hybrid = new TemplateModel(stacks.hybrid);
  const lookups = hybrid.ofType('Custom::TransitGatewayAttachment');
  const dxLookup = lookups.find(([, r]) => r.Properties.ResourceId === DX_GATEWAY);

  it('associates the gateway with the Transit Gateway, advertising the platform range', () => {
    const [id, association] = hybrid.only('AWS::DirectConnect::DirectConnectGatewayAssociation');
    expect(association.Properties).toMatchObject({
      DirectConnectGatewayId: DX_GATEWAY,
      AllowedPrefixesToDirectConnectGateway: [config.platform.cidr],
    });
    expect(dxLookup?.[1].DependsOn).toContain(id);
  });

  it('learns data-centre routes over BGP from both links instead of static routes to the VPN', () => {
    expect(hybrid.transitRoutes()).toEqual([]);
    const propagations = hybrid.ofType('AWS::EC2::TransitGatewayRouteTablePropagation').map(([, r]) => ({
      table: hybrid.ssmName(r.Properties.TransitGatewayRouteTableId),
      attachment: r.Properties.TransitGatewayAttachmentId['Fn::GetAtt'][0],
    }));
    for (const [lookupId] of lookups) {
      for (const segment of ['departments', 'shared-services', 'endpoints']) {
        expect(propagations).toContainEqual({ table: `/gcp/network/route-tables/${segment}`, attachment: lookupId });
      }
    }
    const associations = hybrid.ofType('AWS::EC2::TransitGatewayRouteTableAssociation');
    expect(associations.map(([, r]) => hybrid.ssmName(r.Properties.TransitGatewayRouteTableId))).toEqual([
      '/gcp/network/route-tables/on-premises',
      '/gcp/network/route-tables/on-premises',
    ]);
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stacks.hybrid)).toEqual([]);
  });
});

describe('the dev profile', () => {
  const { stacks } = network((raw) => {
    raw.platform.profile = 'dev';
  });
  const egress = new TemplateModel(stacks.egress);

  it('has one NAT gateway, used from every zone', () => {
    expect(egress.ofType('AWS::EC2::NatGateway')).toHaveLength(1);
    const targets = new Set(egress.subnetRoutes('Transit').map((r) => JSON.stringify(r.properties.NatGatewayId)));
    expect(targets.size).toBe(1);
    expect(egress.subnetRoutes('Transit')).toHaveLength(2);
  });

  it('has one firewall endpoint, which every zone routes to', () => {
    const inspection = new TemplateModel(stacks.inspection);
    const [[, firewall]] = inspection.ofType('AWS::NetworkFirewall::Firewall');
    expect(firewall.Properties.SubnetMappings).toHaveLength(1);
    const targets = inspection
      .subnetRoutes('Transit')
      .filter((r) => r.properties.VpcEndpointId)
      .map((r) => JSON.stringify(r.properties.VpcEndpointId));
    expect(targets).toHaveLength(2);
    expect(new Set(targets).size).toBe(1);
  });

  it('has each interface endpoint in one zone', () => {
    const endpoints = new TemplateModel(stacks.endpoints)
      .ofType('AWS::EC2::VPCEndpoint')
      .filter(([, e]) => e.Properties.VpcEndpointType === 'Interface');
    expect(endpoints.length).toBeGreaterThan(0);
    for (const [, e] of endpoints) expect(e.Properties.SubnetIds).toHaveLength(1);
  });
});

describe('a large platform: six zones, many endpoints and domains', () => {
  const zones = ['a', 'b', 'c', 'd', 'e', 'f'].map((z) => `us-east-1${z}`);
  const { config, stacks } = network((raw) => {
    raw.platform.region = 'us-east-1';
    raw.platform.availabilityZones = zones;
    raw.network.interfaceEndpoints = ['sqs', 'sns', 'monitoring', 'events', 'states', 'lambda', 'xray', 'execute-api', 'ecs', 'ec2'];
    raw.onPremises.dnsDomains = Array.from({ length: 10 }, (_, i) => `site${i}.gdc.gov.hk.internal`);
  });
  const app = stacks.hub.node.root;
  const departmentStack = new PlatformStack(app, 'Department', { config, area: 'Dept-DPO' });
  new DepartmentSpoke(departmentStack, 'Network', { config, department: config.departments[0] });

  it('keeps every network stack and a department spoke well inside CloudFormation limits', () => {
    for (const stack of [...networkStackList(stacks), departmentStack]) {
      const figures = stackFigures(stack.stackName, new TemplateModel(stack).json);
      expect(limitBreaches(figures)).toEqual([]);
      expect(figures.resources).toBeLessThan(300);
    }
  });

  it('spreads the firewall and the NAT gateways over all six zones', () => {
    expect(new TemplateModel(stacks.inspection).only('AWS::NetworkFirewall::Firewall')[1].Properties.SubnetMappings).toHaveLength(6);
    expect(new TemplateModel(stacks.egress).ofType('AWS::EC2::NatGateway')).toHaveLength(6);
  });
});
