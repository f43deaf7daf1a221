import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as route53resolver from 'aws-cdk-lib/aws-route53resolver';
import { Construct } from 'constructs';
import { VendedLogGroup } from './vended-log-group';

/** A domain as a resource name, where dots are not allowed: `gdc.gov.hk` → `gdc-gov-hk`. */
export function domainSlug(domain: string): string {
  return domain.replace(/^\./, '').replace(/\./g, '-');
}

/**
 * Names for DNS Firewall: `example.com` blocks the domain alone, `.example.com` the domain and
 * every subdomain (as in the Network Firewall's domain lists).
 */
export function dnsFirewallDomains(domains: readonly string[]): string[] {
  return domains.flatMap((d) => (d.startsWith('.') ? [d.slice(1), `*${d}`] : [d]));
}

export interface HybridDnsProps {
  readonly prefix: string;
  readonly vpc: ec2.IVpc;
  /** One subnet per availability zone for each endpoint's addresses. */
  readonly subnets: readonly ec2.ISubnet[];
  /** Ranges allowed to query the inbound endpoint: the platform and the data centre. */
  readonly clientCidrs: readonly string[];
  /** Domains answered by the data centre. */
  readonly onPremisesDomains: readonly string[];
  /** The data centre's DNS resolvers. */
  readonly onPremisesResolvers: readonly string[];
  /** Domains no VPC may resolve. */
  readonly blockedDomains: readonly string[];
  readonly logKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
}

const DNS_PORTS = [ec2.Port.udp(53), ec2.Port.tcp(53)];

/**
 * DNS between the platform and the data centre, and DNS controls for every VPC: Route 53
 * Resolver inbound endpoints (the data centre resolves platform names) and outbound endpoints
 * with a forwarding rule per on-premises domain; a DNS Firewall rule group answering NXDOMAIN
 * for the blocked domains; Resolver query logging to a KMS-encrypted log group.
 */
export class HybridDns extends Construct {
  public readonly inbound: route53resolver.CfnResolverEndpoint;
  public readonly outbound: route53resolver.CfnResolverEndpoint;
  public readonly forwardingRules: Readonly<Record<string, route53resolver.CfnResolverRule>>;
  public readonly firewallRuleGroup: route53resolver.CfnFirewallRuleGroup;
  public readonly queryLogging: route53resolver.CfnResolverQueryLoggingConfig;
  public readonly queryLogs: VendedLogGroup;

  constructor(scope: Construct, id: string, props: HybridDnsProps) {
    super(scope, id);
    const ipAddresses = props.subnets.map((s) => ({ subnetId: s.subnetId }));

    const inboundGroup = new ec2.SecurityGroup(this, 'InboundSecurityGroup', {
      vpc: props.vpc,
      description: 'Route 53 Resolver inbound endpoint: DNS from the platform and the data centre',
      allowAllOutbound: false,
    });
    for (const cidr of props.clientCidrs) {
      for (const port of DNS_PORTS) inboundGroup.addIngressRule(ec2.Peer.ipv4(cidr), port, `DNS from ${cidr}`);
    }
    this.inbound = new route53resolver.CfnResolverEndpoint(this, 'Inbound', {
      name: `${props.prefix}-inbound`,
      direction: 'INBOUND',
      ipAddresses,
      securityGroupIds: [inboundGroup.securityGroupId],
    });

    const outboundGroup = new ec2.SecurityGroup(this, 'OutboundSecurityGroup', {
      vpc: props.vpc,
      description: 'Route 53 Resolver outbound endpoint: DNS to the data centre resolvers only',
      allowAllOutbound: false,
    });
    for (const ip of props.onPremisesResolvers) {
      for (const port of DNS_PORTS) outboundGroup.addEgressRule(ec2.Peer.ipv4(`${ip}/32`), port, `DNS to ${ip}`);
    }
    this.outbound = new route53resolver.CfnResolverEndpoint(this, 'Outbound', {
      name: `${props.prefix}-outbound`,
      direction: 'OUTBOUND',
      ipAddresses,
      securityGroupIds: [outboundGroup.securityGroupId],
    });

    const rules: Record<string, route53resolver.CfnResolverRule> = {};
    for (const domain of props.onPremisesDomains) {
      rules[domain] = new route53resolver.CfnResolverRule(this, `Forward-${domainSlug(domain)}`, {
        name: `${props.prefix}-${domainSlug(domain)}`.slice(0, 64),
        domainName: domain,
        ruleType: 'FORWARD',
        resolverEndpointId: this.outbound.attrResolverEndpointId,
        targetIps: props.onPremisesResolvers.map((ip) => ({ ip, port: '53' })),
      });
    }
    this.forwardingRules = rules;

    const blockList =
      props.blockedDomains.length > 0
        ? new route53resolver.CfnFirewallDomainList(this, 'BlockedDomains', {
            name: `${props.prefix}-blocked-domains`,
            domains: dnsFirewallDomains(props.blockedDomains),
          })
        : undefined;
    this.firewallRuleGroup = new route53resolver.CfnFirewallRuleGroup(this, 'FirewallRules', {
      name: `${props.prefix}-dns-firewall`,
      firewallRules: blockList
        ? [{ action: 'BLOCK', blockResponse: 'NXDOMAIN', firewallDomainListId: blockList.attrId, priority: 100 }]
        : [],
    });

    this.queryLogs = new VendedLogGroup(this, 'QueryLogs', { encryptionKey: props.logKey, retention: props.logRetention });
    this.queryLogging = new route53resolver.CfnResolverQueryLoggingConfig(this, 'QueryLogging', {
      name: `${props.prefix}-dns-queries`,
      destinationArn: this.queryLogs.deliveryArn,
    });
  }
}
