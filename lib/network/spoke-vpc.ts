import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import * as route53resolver from 'aws-cdk-lib/aws-route53resolver';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import { tierSubnetPrefix } from './address-plan';
import { archiveFlowLog } from './archive-flow-log';
import { closeDefaultSecurityGroup } from './lookups/lookup-resources';
import type { NetworkParameters } from './network-parameters';
import type { Segment } from './segments';
import { TransitAttachment } from './transit-attachment';

/** Tier holding the workloads and the Transit Gateway attachment. */
export const APP_TIER = 'App';
/** Tier holding data stores, reachable only from inside the VPC. */
export const DATA_TIER = 'Data';

export interface SpokeVpcProps {
  /** Short name, like `gcp-dpo`, for the VPC's Name tag and its DNS profile association. */
  readonly name: string;
  readonly cidr: string;
  readonly availabilityZones: readonly string[];
  /**
   * Add a data tier beside the app tier.
   * @default false
   */
  readonly dataTier?: boolean;
  /** The hub's values: Transit Gateway, route tables, log archive, DNS profile, lookups. */
  readonly network: NetworkParameters;
  /** Segment whose route table routes this VPC's traffic. */
  readonly association: Segment;
  /** Segments whose route tables learn this VPC's block. */
  readonly propagations: readonly Segment[];
  /** The platform range, allowed into the app tier. */
  readonly platformCidr: string;
  /** Data-centre ranges, allowed into the app tier. */
  readonly onPremisesRanges: readonly string[];
}

/**
 * A spoke of the platform network: no internet gateway and no NAT; every subnet's default route
 * leads to the Transit Gateway, so all traffic leaving the VPC is routed by the hub (through the
 * firewall, to the endpoints or to the data centre). Flow logs go to the archive, DNS comes from
 * the platform's Route 53 Profile with query logging, and the default security group is closed.
 *
 * Network ACLs add a stateless boundary per tier: the app tier admits the platform range, the
 * data centre and replies to its own outbound connections; the data tier talks only within the
 * VPC.
 */
export class SpokeVpc extends Construct {
  public readonly vpc: ec2.Vpc;
  public readonly transit: TransitAttachment;
  private readonly hasDataTier: boolean;

  constructor(scope: Construct, id: string, props: SpokeVpcProps) {
    super(scope, id);
    this.hasDataTier = props.dataTier ?? false;
    const tiers = props.dataTier ? [APP_TIER, DATA_TIER] : [APP_TIER];
    const cidrMask = tierSubnetPrefix(props.cidr, tiers.length, props.availabilityZones.length);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      vpcName: props.name,
      ipAddresses: ec2.IpAddresses.cidr(props.cidr),
      availabilityZones: [...props.availabilityZones],
      natGateways: 0,
      createInternetGateway: false,
      // Closed below by the hub's shared function: no custom-resource function per stack.
      restrictDefaultSecurityGroup: false,
      subnetConfiguration: tiers.map((name) => ({
        name,
        subnetType: ec2.SubnetType.PRIVATE_ISOLATED,
        cidrMask,
      })),
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
    });
    closeDefaultSecurityGroup(this.vpc, props.network.lookupServiceToken);
    archiveFlowLog(this, 'FlowLog', ec2.FlowLogResourceType.fromVpc(this.vpc), props.network.logArchiveBucket);

    const route = (segment: Segment) => ({ segment, routeTableId: props.network.routeTableId(segment) });
    this.transit = new TransitAttachment(this, 'Attachment', {
      transitGatewayId: props.network.transitGatewayId,
      vpc: this.vpc,
      subnets: this.appSubnets,
      association: route(props.association),
      propagations: props.propagations.map(route),
    });
    this.transit.routeToTransitGateway(this.vpc.isolatedSubnets, '0.0.0.0/0', 'DefaultRoute');

    this.addAppAcl(props);
    if (props.dataTier) this.addDataAcl(props.cidr);

    new route53profiles.CfnProfileAssociation(this, 'DnsProfile', {
      name: `${props.name}-dns`.slice(0, 64),
      profileId: props.network.dnsProfileId,
      resourceId: this.vpc.vpcId,
    });
    new route53resolver.CfnResolverQueryLoggingConfigAssociation(this, 'QueryLogging', {
      resolverQueryLogConfigId: props.network.queryLogConfigId,
      resourceId: this.vpc.vpcId,
    });
  }

  /** The app tier's subnets, one per availability zone, in zone order. */
  get appSubnets(): ec2.ISubnet[] {
    return this.vpc.selectSubnets({ subnetGroupName: APP_TIER }).subnets;
  }

  /** The data tier's subnets; empty without a data tier. */
  get dataSubnets(): ec2.ISubnet[] {
    return this.hasDataTier ? this.vpc.selectSubnets({ subnetGroupName: DATA_TIER }).subnets : [];
  }

  private acl(tier: string): ec2.NetworkAcl {
    const acl = new ec2.NetworkAcl(this, `${tier}Acl`, { vpc: this.vpc, subnetSelection: { subnetGroupName: tier } });
    acknowledge(
      acl,
      'AwsSolutions-VPC3',
      'Network ACLs are deliberate here: a stateless boundary per tier under the security groups, so a misconfigured security group cannot open a tier to the rest of the network.',
    );
    return acl;
  }

  private addAppAcl(props: SpokeVpcProps): void {
    const acl = this.acl(APP_TIER);
    const allow = (id: string, ruleNumber: number, cidr: string, direction: ec2.TrafficDirection, traffic = ec2.AclTraffic.allTraffic()) =>
      acl.addEntry(id, { ruleNumber, cidr: ec2.AclCidr.ipv4(cidr), traffic, direction, ruleAction: ec2.Action.ALLOW });
    allow('FromPlatform', 100, props.platformCidr, ec2.TrafficDirection.INGRESS);
    for (const [i, range] of props.onPremisesRanges.entries()) {
      allow(`FromDataCentre${i}`, 110 + i, range, ec2.TrafficDirection.INGRESS);
    }
    // Replies to the tier's own connections to the internet, which arrive through the egress VPC
    // on ephemeral ports. Port 3389 is left out: no operating system picks it as an ephemeral port,
    // and an open RDP port from anywhere is what Control Tower's EC2.PR.5 refuses.
    allow('RepliesFromInternet', 200, '0.0.0.0/0', ec2.TrafficDirection.INGRESS, ec2.AclTraffic.tcpPortRange(1024, 3388));
    allow('RepliesFromInternetAbove3389', 201, '0.0.0.0/0', ec2.TrafficDirection.INGRESS, ec2.AclTraffic.tcpPortRange(3390, 65535));
    allow('ToAnywhere', 100, '0.0.0.0/0', ec2.TrafficDirection.EGRESS);
  }

  private addDataAcl(vpcBlock: string): void {
    const acl = this.acl(DATA_TIER);
    const vpcCidr = ec2.AclCidr.ipv4(vpcBlock);
    const entry = { cidr: vpcCidr, traffic: ec2.AclTraffic.allTraffic(), ruleAction: ec2.Action.ALLOW, ruleNumber: 100 };
    acl.addEntry('FromVpc', { ...entry, direction: ec2.TrafficDirection.INGRESS });
    acl.addEntry('ToVpc', { ...entry, direction: ec2.TrafficDirection.EGRESS });
  }
}
