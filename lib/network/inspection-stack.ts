import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as nfw from 'aws-cdk-lib/aws-networkfirewall';
import type { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { firewallName, InspectionFirewallPolicy } from './firewall-policy';
import { HubVpc } from './hub-vpc';
import { firewallEndpointIds } from './lookups/lookup-resources';
import { NetworkParameters } from './network-parameters';
import { INSPECTED, type Segment } from './segments';
import { transitRoute } from './transit-attachment';
import { VendedLogGroup } from './vended-log-group';

export type InspectionStackProps = Omit<PlatformStackProps, 'area'>;

/**
 * The inspection VPC: AWS Network Firewall with one endpoint per availability zone, attached to
 * the Transit Gateway in appliance mode so both directions of a flow meet the same endpoint.
 * Traffic from the Transit Gateway goes to the zone's firewall endpoint, and from the firewall
 * back to the Transit Gateway. Alerts go to CloudWatch Logs, flow logs to the log archive.
 *
 * It also routes into it: the default route of the departments and shared-services route tables,
 * and the platform range of the egress route table, so replies from the internet are inspected.
 */
export class InspectionStack extends PlatformStack {
  public readonly hubVpc: HubVpc;
  public readonly firewall: nfw.CfnFirewall;
  public readonly firewallPolicy: InspectionFirewallPolicy;
  public readonly alertLogs: VendedLogGroup;

  constructor(scope: Construct, id: string, props: InspectionStackProps) {
    super(scope, id, { ...props, area: 'Network-Inspection', description: 'Network inspection: AWS Network Firewall on the hub' });
    const { platform, network: settings, departments } = this.config;
    const network = new NetworkParameters(this, platform.prefix);
    const zones = platform.availabilityZones;

    this.hubVpc = new HubVpc(this, 'Inspection', {
      kind: 'inspection',
      name: `${platform.prefix}-inspection`,
      cidr: settings.hub.inspection,
      availabilityZones: zones,
      network,
      association: 'inspection',
      applianceMode: true,
    });

    this.firewallPolicy = new InspectionFirewallPolicy(this, 'Policy', {
      prefix: platform.prefix,
      platformCidr: platform.cidr,
      departmentCidrs: departments.map((d) => d.cidr),
      spokeToSpoke: settings.spokeToSpoke,
      allowedDomains: settings.egress.allowedDomains,
      blockedDomains: settings.egress.blockedDomains,
    });
    const production = platform.profile === 'production';
    // A dev platform inspects everything through one endpoint, in the first zone: cheaper, not resilient.
    const firewallZones = production ? zones : zones.slice(0, 1);
    const firewallSubnets = this.hubVpc.subnets('Firewall').filter((s) => firewallZones.includes(s.availabilityZone));
    this.firewall = new nfw.CfnFirewall(this, 'Firewall', {
      firewallName: firewallName(platform.prefix),
      description: 'Inspects all traffic between platform VPCs and to the internet',
      firewallPolicyArn: this.firewallPolicy.policy.attrFirewallPolicyArn,
      vpcId: this.hubVpc.vpc.vpcId,
      subnetMappings: firewallSubnets.map((s) => ({ subnetId: s.subnetId })),
      deleteProtection: production,
      subnetChangeProtection: production,
      firewallPolicyChangeProtection: false,
    });

    if (!production) {
      acknowledge(
        this.firewall,
        'ControlTower::netfw_multi_az_enabled_check',
        'The dev profile runs one firewall endpoint by design (platform.profile: dev). It fails closed: every zone routes ' +
          'through that endpoint (no route bypasses inspection), so losing its zone stops traffic instead of letting it pass uninspected.',
      );
    }

    this.alertLogs = new VendedLogGroup(this, 'AlertLogs', { encryptionKey: network.networkKey, retention: this.logRetention });
    new nfw.CfnLoggingConfiguration(this, 'Logging', {
      firewallArn: this.firewall.attrFirewallArn,
      loggingConfiguration: {
        logDestinationConfigs: [
          { logType: 'ALERT', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: this.alertLogs.logGroupName } },
          { logType: 'FLOW', logDestinationType: 'S3', logDestination: { bucketName: network.logArchiveBucket.bucketName } },
        ],
      },
    });

    const endpoints = firewallEndpointIds(this, 'FirewallEndpoints', {
      serviceToken: network.lookupServiceToken,
      firewallArn: this.firewall.attrFirewallArn,
      availabilityZones: firewallZones,
    });
    for (const subnet of this.hubVpc.subnets('Transit')) {
      new ec2.CfnRoute(subnet, 'ToFirewall', {
        routeTableId: subnet.routeTable.routeTableId,
        destinationCidrBlock: '0.0.0.0/0',
        vpcEndpointId: endpoints[subnet.availabilityZone] ?? endpoints[firewallZones[0]],
      });
    }
    this.hubVpc.transit.routeToTransitGateway(this.hubVpc.subnets('Firewall'), '0.0.0.0/0', 'ToTransitGateway');

    const attachmentId = this.hubVpc.transit.attachmentId;
    const routeTable = (segment: Segment) => ({ segment, routeTableId: network.routeTableId(segment) });
    for (const segment of INSPECTED) {
      transitRoute(this, { routeTable: routeTable(segment), destinationCidrBlock: '0.0.0.0/0', attachmentId });
    }
    transitRoute(this, { routeTable: routeTable('egress'), destinationCidrBlock: platform.cidr, attachmentId });
    if (settings.spokeToSpoke === 'deny') {
      // More specific than the blackholed platform range in the departments route table.
      transitRoute(this, { routeTable: routeTable('departments'), destinationCidrBlock: settings.hub.sharedServices, attachmentId });
    }
  }
}
