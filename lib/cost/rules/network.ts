import { charge, hourly, listLength, type Pricing } from '../pricing';

const free = (why: string): Pricing => ({ kind: 'free', why });

/** VPCs, their routing and hybrid links: the always-on part of the data-centre network. */
export const NETWORK_PRICING: Record<string, Pricing> = {
  'AWS::EC2::NatGateway': {
    kind: 'baseline',
    items: (_r, ctx) => [
      hourly(ctx, 'NAT gateway', 'natGatewayHour'),
      charge(ctx, 'NAT data processed', 'natGatewayGb', ctx.assumptions.natGbPerGateway, `${ctx.assumptions.natGbPerGateway} GB`),
    ],
  },
  'AWS::EC2::EIP': { kind: 'baseline', items: (_r, ctx) => [hourly(ctx, 'public IPv4 address', 'publicIpv4Hour')] },
  'AWS::NetworkFirewall::Firewall': {
    kind: 'baseline',
    items: (r, ctx) => {
      const endpoints = Math.max(1, listLength(r.Properties?.SubnetMappings));
      const gb = endpoints * ctx.assumptions.firewallGbPerEndpoint;
      return [
        hourly(ctx, `firewall endpoints (${endpoints})`, 'networkFirewallEndpointHour', endpoints),
        charge(ctx, 'firewall traffic inspected', 'networkFirewallGb', gb, `${gb} GB`),
      ];
    },
  },
  'AWS::EC2::TransitGatewayVpcAttachment': {
    kind: 'baseline',
    items: (_r, ctx) => [
      hourly(ctx, 'Transit Gateway attachment', 'transitGatewayAttachmentHour'),
      charge(
        ctx,
        'Transit Gateway data processed',
        'transitGatewayGb',
        ctx.assumptions.transitGbPerAttachment,
        `${ctx.assumptions.transitGbPerAttachment} GB`,
      ),
    ],
  },
  'AWS::EC2::VPNConnection': {
    kind: 'baseline',
    items: (r, ctx) => [
      hourly(ctx, 'Site-to-Site VPN connection', 'vpnConnectionHour'),
      // A VPN that ends on a Transit Gateway is one of its attachments, billed as such.
      ...(r.Properties?.TransitGatewayId ? [hourly(ctx, 'its Transit Gateway attachment', 'transitGatewayAttachmentHour')] : []),
    ],
  },
  'AWS::EC2::VPCEndpoint': {
    kind: 'baseline',
    items: (r, ctx) => {
      if ((r.Properties?.VpcEndpointType ?? 'Gateway') === 'Gateway') return [];
      const zones = Math.max(1, listLength(r.Properties?.SubnetIds));
      return [
        hourly(ctx, `interface endpoint in ${zones} AZ${zones === 1 ? '' : 's'}`, 'interfaceEndpointAzHour', zones),
        charge(
          ctx,
          'interface endpoint data processed',
          'interfaceEndpointGb',
          ctx.assumptions.interfaceEndpointGb,
          `${ctx.assumptions.interfaceEndpointGb} GB`,
        ),
      ];
    },
  },
  'AWS::Route53Resolver::ResolverEndpoint': {
    kind: 'baseline',
    items: (r, ctx) => {
      const enis = Math.max(1, listLength(r.Properties?.IpAddresses));
      return [hourly(ctx, `Resolver endpoint, ${enis} IP addresses`, 'resolverEndpointEniHour', enis)];
    },
  },
  'AWS::Route53Resolver::FirewallRuleGroup': {
    kind: 'baseline',
    items: (_r, ctx) => [
      charge(
        ctx,
        'DNS Firewall queries',
        'dnsFirewallQueriesMillion',
        ctx.assumptions.dnsQueriesMillions,
        `${ctx.assumptions.dnsQueriesMillions} million queries`,
      ),
    ],
  },
  'AWS::Route53Resolver::FirewallDomainList': {
    kind: 'baseline',
    items: (r, ctx) => {
      const domains = listLength(r.Properties?.Domains);
      return [charge(ctx, `DNS Firewall domain list (${domains} domains)`, 'dnsFirewallDomainMonth', domains, `${domains} domains`)];
    },
  },
  'AWS::Route53Profiles::Profile': { kind: 'baseline', items: (_r, ctx) => [hourly(ctx, 'Route 53 Profile', 'route53ProfileHour')] },
  'AWS::Route53Profiles::ProfileAssociation': free('the first 100 VPC associations of a profile are in its hourly price'),
  'AWS::Route53Profiles::ProfileResourceAssociation': free('resources shared through a profile are in its hourly price'),
  'AWS::Route53::HostedZone': { kind: 'baseline', items: (_r, ctx) => [charge(ctx, 'hosted zone', 'hostedZoneMonth', 1, '1 zone')] },
  'AWS::EC2::FlowLog': {
    kind: 'baseline',
    items: (r, ctx) => {
      const gb = ctx.assumptions.flowLogGbPerLog;
      return r.Properties?.LogDestinationType === 's3'
        ? [charge(ctx, 'flow log delivered to S3', 'vendedLogsS3Gb', gb, `${gb} GB`)]
        : [charge(ctx, 'flow log ingested into CloudWatch Logs', 'logsIngestGb', gb, `${gb} GB`)];
    },
  },
  'AWS::EC2::VPC': free('no charge for a VPC'),
  'AWS::EC2::Subnet': free('no charge for a subnet'),
  'AWS::EC2::RouteTable': free('no charge for a route table'),
  'AWS::EC2::Route': free('no charge for a route'),
  'AWS::EC2::SubnetRouteTableAssociation': free('no charge'),
  'AWS::EC2::NetworkAcl': free('no charge for a network ACL'),
  'AWS::EC2::NetworkAclEntry': free('no charge'),
  'AWS::EC2::SubnetNetworkAclAssociation': free('no charge'),
  'AWS::EC2::SecurityGroup': free('no charge for a security group'),
  'AWS::EC2::SecurityGroupIngress': free('no charge'),
  'AWS::EC2::SecurityGroupEgress': free('no charge'),
  'AWS::EC2::InternetGateway': free('no charge for an internet gateway'),
  'AWS::EC2::VPCGatewayAttachment': free('no charge'),
  'AWS::EC2::CustomerGateway': free('no charge for a customer gateway; the VPN connection is priced'),
  'AWS::EC2::TransitGateway': free('a Transit Gateway is billed by its attachments and traffic, priced on them'),
  'AWS::EC2::TransitGatewayRoute': free('no charge'),
  'AWS::EC2::TransitGatewayRouteTable': free('no charge'),
  'AWS::EC2::TransitGatewayRouteTableAssociation': free('no charge'),
  'AWS::EC2::TransitGatewayRouteTablePropagation': free('no charge'),
  'AWS::EC2::TransitGatewayAttachment': {
    kind: 'baseline',
    items: (_r, ctx) => [hourly(ctx, 'Transit Gateway attachment', 'transitGatewayAttachmentHour')],
  },
  'AWS::NetworkFirewall::FirewallPolicy': free('in the firewall endpoint price'),
  'AWS::NetworkFirewall::RuleGroup': free('in the firewall endpoint price'),
  'AWS::NetworkFirewall::LoggingConfiguration': free('the logs it writes are priced where they land'),
  'AWS::Route53::RecordSet': free('no charge for records; alias queries to AWS resources are free'),
  'AWS::Route53Resolver::ResolverRule': free('no charge for a forwarding rule; its outbound endpoint is priced'),
  'AWS::Route53Resolver::ResolverRuleAssociation': free('no charge'),
  'AWS::Route53Resolver::FirewallRuleGroupAssociation': free('queries are priced on the rule group'),
  'AWS::Route53Resolver::ResolverQueryLoggingConfig': free('the query logs are priced where they land'),
  'AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation': free('no charge'),
  'AWS::RAM::ResourceShare': free('no charge for AWS RAM'),
};
