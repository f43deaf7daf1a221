import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import * as route53resolver from 'aws-cdk-lib/aws-route53resolver';
import type { Construct } from 'constructs';
import { STANDARD_INTERFACE_ENDPOINTS } from '../config/schema';

/** The endpoint private APIs are served through. */
export const EXECUTE_API = 'execute-api';

import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { domainSlug, HybridDns } from './dns-resolution';
import { HubVpc } from './hub-vpc';
import { SharedInterfaceEndpoints } from './interface-endpoints';
import { NetworkParameters, PublishedParameters } from './network-parameters';
import { ENDPOINTS_PROPAGATIONS } from './segments';

export type EndpointsStackProps = Omit<PlatformStackProps, 'area'>;

/** Priority of the platform's DNS Firewall rule group in the Route 53 Profile (100 to 9900). */
const DNS_FIREWALL_PRIORITY = 100;

/**
 * The central endpoints VPC and the platform's DNS: interface endpoints with their private
 * hosted zones, Route 53 Resolver endpoints and forwarding rules to the data centre, DNS
 * Firewall and query logging. The zones, rules and DNS Firewall reach every other VPC through
 * one Route 53 Profile, which each VPC associates with (a single resource per VPC).
 */
export class EndpointsStack extends PlatformStack {
  public readonly hubVpc: HubVpc;
  public readonly interfaceEndpoints: SharedInterfaceEndpoints;
  public readonly dns: HybridDns;
  public readonly profile: route53profiles.CfnProfile;

  constructor(scope: Construct, id: string, props: EndpointsStackProps) {
    super(scope, id, {
      ...props,
      area: 'Network-Endpoints',
      description: 'Network endpoints: interface endpoints, Route 53 Resolver, DNS Firewall',
    });
    const { platform, network: settings, onPremises } = this.config;
    const network = new NetworkParameters(this, platform.prefix);
    const clientCidrs = [platform.cidr, ...onPremises.ranges];

    this.hubVpc = new HubVpc(this, 'Endpoints', {
      kind: 'endpoints',
      name: `${platform.prefix}-endpoints`,
      cidr: settings.hub.endpoints,
      availabilityZones: platform.availabilityZones,
      network,
      association: 'endpoints',
      propagations: ENDPOINTS_PROPAGATIONS,
    });
    const endpointSubnets = this.hubVpc.subnets('Endpoints');
    for (const [i, cidr] of clientCidrs.entries()) {
      this.hubVpc.transit.routeToTransitGateway(endpointSubnets, cidr, `ToClients${i}`);
    }

    this.interfaceEndpoints = new SharedInterfaceEndpoints(this, 'InterfaceEndpoints', {
      vpc: this.hubVpc.vpc,
      // A dev platform has each interface endpoint in one zone only: a zone's outage stops them there.
      subnets:
        platform.profile === 'production'
          ? { subnetGroupName: 'Endpoints' }
          : { subnetGroupName: 'Endpoints', availabilityZones: platform.availabilityZones.slice(0, 1) },
      // Internal services are private APIs, reached through the execute-api endpoint.
      services: [
        ...new Set([
          ...STANDARD_INTERFACE_ENDPOINTS,
          ...settings.interfaceEndpoints,
          ...(this.config.services.internal.length > 0 ? [EXECUTE_API] : []),
        ]),
      ],
      clientCidrs,
    });

    this.dns = new HybridDns(this, 'Dns', {
      prefix: platform.prefix,
      vpc: this.hubVpc.vpc,
      subnets: endpointSubnets,
      clientCidrs,
      onPremisesDomains: onPremises.dnsDomains,
      onPremisesResolvers: onPremises.dnsResolvers,
      blockedDomains: settings.egress.blockedDomains,
      logKey: network.networkKey,
      logRetention: this.logRetention,
    });
    new route53resolver.CfnResolverQueryLoggingConfigAssociation(this, 'QueryLoggingOfEndpointsVpc', {
      resolverQueryLogConfigId: this.dns.queryLogging.attrId,
      resourceId: this.hubVpc.vpc.vpcId,
    });

    this.profile = new route53profiles.CfnProfile(this, 'DnsProfile', { name: `${platform.prefix}-platform-dns` });
    const share = (id: string, name: string, resourceArn: string, resourceProperties?: string) =>
      new route53profiles.CfnProfileResourceAssociation(this, id, {
        name: name.slice(0, 64),
        profileId: this.profile.attrId,
        resourceArn,
        resourceProperties,
      });
    for (const [service, zone] of Object.entries(this.interfaceEndpoints.zones)) {
      share(`DnsProfileZone-${domainSlug(service)}`, `endpoint-${domainSlug(service)}`, zone.hostedZoneArn);
    }
    for (const [domain, rule] of Object.entries(this.dns.forwardingRules)) {
      share(`DnsProfileRule-${domainSlug(domain)}`, `forward-${domainSlug(domain)}`, rule.attrArn);
    }
    share('DnsProfileFirewall', 'dns-firewall', this.dns.firewallRuleGroup.attrArn, JSON.stringify({ priority: DNS_FIREWALL_PRIORITY }));

    const names = network.names;
    const parameters = new PublishedParameters(this, 'Parameters');
    parameters.publish('DnsProfileId', names.dnsProfileId, this.profile.attrId);
    parameters.publish('QueryLogConfigId', names.resolverQueryLogConfigId, this.dns.queryLogging.attrId);
    const executeApi = this.interfaceEndpoints.endpoints[EXECUTE_API];
    if (executeApi) parameters.publish('ExecuteApiEndpointId', names.interfaceEndpointId(EXECUTE_API), executeApi.vpcEndpointId);
  }
}
