import { Match, Template } from 'aws-cdk-lib/assertions';
import { limitBreaches, stackFigures } from '../../lib/compliance/stack-limits';
import { DepartmentSpoke } from '../../lib/network/department-spoke';
import { buildNetwork, networkStackList } from '../../lib/network/network';
import { SEGMENTS, segmentSlug } from '../../lib/network/segments';
import { PlatformStack } from '../../lib/platform-stack';
import { SecurityBaselineStack } from '../../lib/security/security-baseline-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';
import { TemplateModel } from './network-model';

/** The default platform's network, and one department spoke, synthesized once. */
describe('the platform network', () => {
  const config = defaultConfig();
  const app = unitTestApp();
  const security = new SecurityBaselineStack(app, 'Security', { config });
  const network = buildNetwork(app, { config, logArchive: security.logArchive });
  const departmentStack = new PlatformStack(app, 'Department', { config, area: 'Dept-DPO' });
  new DepartmentSpoke(departmentStack, 'Network', { config, department: config.departments[0] });

  const hub = new TemplateModel(network.hub);
  const inspection = new TemplateModel(network.inspection);
  const egress = new TemplateModel(network.egress);
  const endpoints = new TemplateModel(network.endpoints);
  const shared = new TemplateModel(network.sharedServices);
  const hybrid = new TemplateModel(network.hybrid);
  const department = new TemplateModel(departmentStack);
  const all = [hub, inspection, egress, endpoints, shared, hybrid, department];

  const routeTable = (segment: string) => `/gcp/network/route-tables/${segment}`;
  const attachmentRef = (model: TemplateModel) => ({ Ref: model.only('AWS::EC2::TransitGatewayVpcAttachment')[0] });
  const vpnAttachment = () => {
    const [id] =
      hybrid
        .ofType('Custom::TransitGatewayAttachment')
        .find(([, r]) => r.Properties.ResourceId.Ref === hybrid.only('AWS::EC2::VPNConnection')[0]) ?? [];
    return { 'Fn::GetAtt': [id, 'AttachmentId'] };
  };

  describe('Transit Gateway', () => {
    it('has default association and propagation off', () => {
      Template.fromStack(network.hub).hasResourceProperties('AWS::EC2::TransitGateway', {
        DefaultRouteTableAssociation: 'disable',
        DefaultRouteTablePropagation: 'disable',
        AutoAcceptSharedAttachments: 'disable',
        AmazonSideAsn: config.network.transitGatewayAsn,
      });
    });

    it('has a route table per segment, each published for the other stacks', () => {
      const tables = hub.ofType('AWS::EC2::TransitGatewayRouteTable');
      expect(tables).toHaveLength(SEGMENTS.length);
      const published = hub.published();
      for (const segment of SEGMENTS) {
        const value = published[routeTable(segmentSlug(segment))] as { Ref: string };
        expect(tables.map(([id]) => id)).toContain(value.Ref);
      }
      expect(published['/gcp/network/transit-gateway-id']).toEqual({ Ref: hub.only('AWS::EC2::TransitGateway')[0] });
    });

    it('associates every VPC attachment with its own segment and never propagates a department into the departments table', () => {
      const associated = (model: TemplateModel) =>
        model.ssmName(model.only('AWS::EC2::TransitGatewayRouteTableAssociation')[1].Properties.TransitGatewayRouteTableId);
      expect(associated(inspection)).toBe(routeTable('inspection'));
      expect(associated(egress)).toBe(routeTable('egress'));
      expect(associated(endpoints)).toBe(routeTable('endpoints'));
      expect(associated(shared)).toBe(routeTable('shared-services'));
      expect(associated(department)).toBe(routeTable('departments'));
      const propagated = department
        .ofType('AWS::EC2::TransitGatewayRouteTablePropagation')
        .map(([, r]) => department.ssmName(r.Properties.TransitGatewayRouteTableId));
      expect(propagated.sort()).toEqual([routeTable('endpoints'), routeTable('inspection'), routeTable('on-premises')]);
    });

    it('enables appliance mode only on the inspection attachment', () => {
      expect(inspection.only('AWS::EC2::TransitGatewayVpcAttachment')[1].Properties.Options.ApplianceModeSupport).toBe('enable');
      for (const model of [egress, endpoints, shared, department]) {
        expect(model.only('AWS::EC2::TransitGatewayVpcAttachment')[1].Properties.Options.ApplianceModeSupport).toBe('disable');
      }
    });
  });

  describe('a department reaching the internet: spoke → Transit Gateway → inspection → egress', () => {
    it('sends every department subnet to the Transit Gateway by default', () => {
      for (const tier of ['App', 'Data']) {
        const routes = department.subnetRoutes(tier).filter((r) => r.destination === '0.0.0.0/0');
        expect(routes).toHaveLength(config.platform.availabilityZones.length);
        for (const r of routes) expect(department.ssmName(r.properties.TransitGatewayId)).toBe('/gcp/network/transit-gateway-id');
      }
    });

    it('routes the departments and shared-services tables to the inspection VPC', () => {
      const routes = inspection.transitRoutes();
      for (const segment of ['departments', 'shared-services']) {
        expect(routes).toContainEqual({
          routeTable: routeTable(segment),
          destination: '0.0.0.0/0',
          attachment: attachmentRef(inspection),
          blackhole: false,
        });
      }
    });

    it('sends traffic arriving in the inspection VPC to the firewall endpoint of its zone, and inspected traffic back', () => {
      const [lookupId, lookup] = inspection.only('Custom::FirewallEndpoints');
      expect(lookup.Properties.AvailabilityZones).toEqual(config.platform.availabilityZones);
      const toFirewall = inspection.subnetRoutes('Transit');
      expect(toFirewall.map((r) => r.properties.VpcEndpointId['Fn::GetAtt'])).toEqual(
        config.platform.availabilityZones.map((az) => [lookupId, az]),
      );
      for (const r of inspection.subnetRoutes('Firewall')) {
        expect(r.destination).toBe('0.0.0.0/0');
        expect(inspection.ssmName(r.properties.TransitGatewayId)).toBe('/gcp/network/transit-gateway-id');
      }
    });

    it('routes inspected traffic for the internet to the egress VPC, and replies back through inspection', () => {
      expect(egress.transitRoutes()).toEqual([
        { routeTable: routeTable('inspection'), destination: '0.0.0.0/0', attachment: attachmentRef(egress), blackhole: false },
      ]);
      expect(inspection.transitRoutes()).toContainEqual({
        routeTable: routeTable('egress'),
        destination: config.platform.cidr,
        attachment: attachmentRef(inspection),
        blackhole: false,
      });
    });

    it('leaves the egress VPC through a NAT gateway per zone and the internet gateway', () => {
      const nat = egress.subnetRoutes('Transit');
      expect(nat).toHaveLength(config.platform.availabilityZones.length);
      for (const r of nat) expect(r.properties.NatGatewayId).toBeDefined();
      expect(egress.ofType('AWS::EC2::NatGateway')).toHaveLength(config.platform.availabilityZones.length);
      const publicRoutes = egress.subnetRoutes('Public');
      expect(publicRoutes.filter((r) => r.destination === '0.0.0.0/0').every((r) => r.properties.GatewayId)).toBe(true);
      expect(publicRoutes.filter((r) => r.destination === config.platform.cidr)).toHaveLength(config.platform.availabilityZones.length);
    });
  });

  describe('a department reaching the data centre: spoke → Transit Gateway → VPN', () => {
    it('routes every on-premises range to the VPN attachment from departments, shared services and endpoints', () => {
      const routes = hybrid.transitRoutes();
      for (const segment of ['departments', 'shared-services', 'endpoints']) {
        for (const range of config.onPremises.ranges) {
          expect(routes).toContainEqual({
            routeTable: routeTable(segment),
            destination: range,
            attachment: vpnAttachment(),
            blackhole: false,
          });
        }
      }
    });

    it('associates the VPN attachment with the on-premises table, which learns the spokes', () => {
      const association = hybrid.only('AWS::EC2::TransitGatewayRouteTableAssociation')[1].Properties;
      expect(association.TransitGatewayAttachmentId).toEqual(vpnAttachment());
      expect(hybrid.ssmName(association.TransitGatewayRouteTableId)).toBe(routeTable('on-premises'));
    });

    it('runs a BGP VPN with two hardened, logged tunnels to the configured device', () => {
      const t = Template.fromStack(network.hybrid);
      t.hasResourceProperties('AWS::EC2::CustomerGateway', {
        IpAddress: config.network.vpn.customerGatewayIp,
        BgpAsn: config.network.vpn.bgpAsn,
        Type: 'ipsec.1',
      });
      const vpn = hybrid.only('AWS::EC2::VPNConnection')[1].Properties;
      expect(vpn.StaticRoutesOnly).toBe(false);
      expect(vpn.PreSharedKeyStorage).toBe('SecretsManager');
      expect(vpn.VpnTunnelOptionsSpecifications).toHaveLength(2);
      for (const tunnel of vpn.VpnTunnelOptionsSpecifications) {
        expect(tunnel.IKEVersions).toEqual([{ Value: 'ikev2' }]);
        expect(tunnel.LogOptions.CloudwatchLogOptions).toMatchObject({ LogEnabled: true, BgpLogEnabled: true });
      }
    });
  });

  describe('spoke to spoke (deny)', () => {
    it('blackholes the platform range for departments, letting through only the endpoints and, inspected, shared services', () => {
      expect(hub.transitRoutes()).toEqual([
        {
          routeTable: { Ref: hub.ofType('AWS::EC2::TransitGatewayRouteTable').find(([id]) => id.includes('Departments'))?.[0] },
          destination: config.platform.cidr,
          attachment: undefined,
          blackhole: true,
        },
      ]);
      expect(inspection.transitRoutes()).toContainEqual({
        routeTable: routeTable('departments'),
        destination: config.network.hub.sharedServices,
        attachment: attachmentRef(inspection),
        blackhole: false,
      });
      const endpointPropagations = endpoints
        .ofType('AWS::EC2::TransitGatewayRouteTablePropagation')
        .map(([, r]) => endpoints.ssmName(r.Properties.TransitGatewayRouteTableId));
      expect(endpointPropagations).toContain(routeTable('departments'));
    });
  });

  describe('no spoke route to an internet gateway', () => {
    it.each([
      ['department', department],
      ['shared services', shared],
    ])('%s: no internet or NAT gateway, and every route leads to the Transit Gateway', (_name, model) => {
      expect(model.ofType('AWS::EC2::InternetGateway')).toEqual([]);
      expect(model.ofType('AWS::EC2::NatGateway')).toEqual([]);
      for (const [, route] of model.ofType('AWS::EC2::Route')) {
        expect(route.Properties.GatewayId).toBeUndefined();
        expect(model.ssmName(route.Properties.TransitGatewayId)).toBe('/gcp/network/transit-gateway-id');
      }
    });

    it('has exactly one internet gateway in the whole network, in the egress VPC', () => {
      const gateways = all.flatMap((m) => m.ofType('AWS::EC2::InternetGateway').map(() => m.stack.stackName));
      expect(gateways).toEqual(['gcp-Network-Egress']);
    });
  });

  describe('flow logs', () => {
    it('records all traffic of every VPC into the log archive', () => {
      const vpcs = all.flatMap((m) => m.ofType('AWS::EC2::VPC').map(([id]) => ({ m, id })));
      expect(vpcs).toHaveLength(5);
      for (const { m, id } of vpcs) {
        const logs = m.ofType('AWS::EC2::FlowLog').filter(([, r]) => r.Properties.ResourceId.Ref === id);
        expect(logs).toHaveLength(1);
        const props = logs[0][1].Properties;
        expect(props).toMatchObject({ ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3' });
        expect(JSON.stringify(props.LogDestination)).toContain('{{resolve:ssm:/gcp/security/log-archive-bucket-name}}');
      }
    });

    it('records the Transit Gateway itself', () => {
      const [, log] = hub.only('AWS::EC2::FlowLog');
      expect(log.Properties).toMatchObject({
        ResourceType: 'TransitGateway',
        ResourceId: { Ref: hub.only('AWS::EC2::TransitGateway')[0] },
      });
    });

    it('lets log delivery of this account write into the archive and use its key', () => {
      const t = Template.fromStack(security);
      t.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'AllowLogDeliveryWrite',
              Principal: { Service: 'delivery.logs.amazonaws.com' },
              Action: 's3:PutObject',
            }),
          ]),
        },
      });
      t.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowLogDeliveryToEncrypt' })]) },
      });
    });
  });

  describe('DNS', () => {
    it('forwards each on-premises domain to the data-centre resolvers through the outbound endpoint', () => {
      const rules = endpoints.ofType('AWS::Route53Resolver::ResolverRule');
      expect(rules.map(([, r]) => r.Properties.DomainName).sort()).toEqual([...config.onPremises.dnsDomains].sort());
      const [outboundId] =
        endpoints.ofType('AWS::Route53Resolver::ResolverEndpoint').find(([, r]) => r.Properties.Direction === 'OUTBOUND') ?? [];
      for (const [, rule] of rules) {
        expect(rule.Properties).toMatchObject({
          RuleType: 'FORWARD',
          ResolverEndpointId: { 'Fn::GetAtt': [outboundId, 'ResolverEndpointId'] },
          TargetIps: config.onPremises.dnsResolvers.map((ip) => ({ Ip: ip, Port: '53' })),
        });
      }
    });

    it('has inbound and outbound Resolver endpoints across the zones', () => {
      const directions = endpoints.ofType('AWS::Route53Resolver::ResolverEndpoint').map(([, r]) => r.Properties);
      expect(directions.map((d) => d.Direction).sort()).toEqual(['INBOUND', 'OUTBOUND']);
      for (const d of directions) expect(d.IpAddresses).toHaveLength(config.platform.availabilityZones.length);
    });

    it('shares the forwarding rules, the endpoint zones and DNS Firewall with every spoke through one profile', () => {
      const [profileId] = endpoints.only('AWS::Route53Profiles::Profile');
      const sharedResources = endpoints.ofType('AWS::Route53Profiles::ProfileResourceAssociation').map(([, r]) => r.Properties);
      for (const s of sharedResources) expect(s.ProfileId).toEqual({ 'Fn::GetAtt': [profileId, 'Id'] });
      const arns = JSON.stringify(sharedResources.map((s) => s.ResourceArn));
      for (const [id] of endpoints.ofType('AWS::Route53Resolver::ResolverRule')) expect(arns).toContain(id);
      for (const [id] of endpoints.ofType('AWS::Route53::HostedZone')) expect(arns).toContain(id);
      expect(arns).toContain(endpoints.only('AWS::Route53Resolver::FirewallRuleGroup')[0]);
      for (const spoke of [department, shared]) {
        const association = spoke.only('AWS::Route53Profiles::ProfileAssociation')[1].Properties;
        expect(spoke.ssmName(association.ProfileId)).toBe('/gcp/network/dns-profile-id');
      }
    });

    it('blocks the block list in DNS Firewall, subdomains included for a leading dot', () => {
      const [, list] = endpoints.only('AWS::Route53Resolver::FirewallDomainList');
      expect(list.Properties.Domains).toEqual(expect.arrayContaining(['dns.google', 'ngrok.io', '*.ngrok.io']));
      Template.fromStack(network.endpoints).hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroup', {
        FirewallRules: [Match.objectLike({ Action: 'BLOCK', BlockResponse: 'NXDOMAIN' })],
      });
    });

    it('logs the queries of every VPC with workloads to a KMS-encrypted log group', () => {
      const [configId, loggingConfig] = endpoints.only('AWS::Route53Resolver::ResolverQueryLoggingConfig');
      expect(JSON.stringify(loggingConfig.Properties.DestinationArn)).toContain('log-group');
      expect(endpoints.published()['/gcp/network/resolver-query-log-config-id']).toEqual({ 'Fn::GetAtt': [configId, 'Id'] });
      for (const spoke of [department, shared]) {
        const association = spoke.only('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation')[1].Properties;
        expect(spoke.ssmName(association.ResolverQueryLogConfigId)).toBe('/gcp/network/resolver-query-log-config-id');
      }
      for (const [, group] of endpoints.ofType('AWS::Logs::LogGroup')) expect(group.Properties.KmsKeyId).toBeDefined();
    });
  });

  describe('interface endpoints', () => {
    it('serves the standard and configured services from one endpoint each, named by a private zone', () => {
      const services = endpoints
        .ofType('AWS::EC2::VPCEndpoint')
        .filter(([, r]) => r.Properties.VpcEndpointType === 'Interface')
        .map(([, r]) => r.Properties);
      const names = services.map((s) => s.ServiceName.replace('com.amazonaws.ap-east-1.', ''));
      // The default platform has an internal service (ehr), a private API reached through execute-api.
      expect(names.sort()).toEqual([
        'ecr.api',
        'ecr.dkr',
        'execute-api',
        'kms',
        'logs',
        'monitoring',
        'secretsmanager',
        'sns',
        'sqs',
        'ssm',
        'sts',
      ]);
      for (const s of services) expect(s.PrivateDnsEnabled).toBe(false);
      const zones = endpoints.ofType('AWS::Route53::HostedZone').map(([, r]) => r.Properties.Name);
      expect(zones).toEqual(
        expect.arrayContaining(['sts.ap-east-1.amazonaws.com.', 'api.ecr.ap-east-1.amazonaws.com.', 'dkr.ecr.ap-east-1.amazonaws.com.']),
      );
    });

    it('admits HTTPS from the platform and the data centre only', () => {
      const [, group] =
        endpoints
          .ofType('AWS::EC2::SecurityGroup')
          .find(([, r]) => String(r.Properties.GroupDescription).startsWith('Interface endpoints')) ?? [];
      expect(group.Properties.SecurityGroupIngress.map((i: any) => [i.CidrIp, i.FromPort, i.ToPort])).toEqual(
        [config.platform.cidr, ...config.onPremises.ranges].map((c) => [c, 443, 443]),
      );
    });
  });

  describe('gateway endpoints', () => {
    it('reach S3 and DynamoDB from every VPC', () => {
      for (const model of all) {
        const gateways = model
          .ofType('AWS::EC2::VPCEndpoint')
          .filter(([, r]) => r.Properties.VpcEndpointType === 'Gateway')
          .map(([, r]) => JSON.stringify(r.Properties.ServiceName));
        expect(gateways.length).toBe(model.ofType('AWS::EC2::VPC').length * 2);
      }
    });
  });

  describe('stacks', () => {
    it('are named through the platform prefix and deployed after the hub and the security baseline', () => {
      expect(networkStackList(network).map((s) => s.stackName)).toEqual([
        'gcp-Network-Hub',
        'gcp-Network-Inspection',
        'gcp-Network-Egress',
        'gcp-Network-Endpoints',
        'gcp-Network-SharedServices',
        'gcp-Network-Hybrid',
      ]);
      expect(network.hub.dependencies).toContain(security);
      for (const stack of [network.inspection, network.egress, network.endpoints, network.hybrid])
        expect(stack.dependencies).toContain(network.hub);
      expect(network.sharedServices.dependencies).toContain(network.endpoints);
    });

    it('stay well inside CloudFormation limits', () => {
      for (const model of all) {
        const figures = stackFigures(model.stack.stackName, model.json);
        expect(limitBreaches(figures)).toEqual([]);
        expect(figures.resources).toBeLessThan(150);
      }
    });

    it.each(['hub', 'inspection', 'egress', 'endpoints', 'sharedServices', 'hybrid'] as const)(
      '%s passes all four compliance packs',
      (name) => {
        expect(unacknowledgedFindings(network[name])).toEqual([]);
      },
    );

    it('leaves the default security group of every VPC closed by the shared lookups function', () => {
      for (const model of all) {
        const closers = model.ofType('Custom::VpcRestrictDefaultSG');
        expect(closers).toHaveLength(model.ofType('AWS::EC2::VPC').length);
        for (const [, closer] of closers)
          expect(model.ssmName(closer.Properties.ServiceToken) ?? closer.Properties.ServiceToken).toBe('/gcp/network/lookup-service-token');
        expect(model.ofType('AWS::Lambda::Function').length).toBe(model === hub ? 1 : 0);
      }
    });
  });
});
