import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';
import { subnetPrefixOf, VPC_TIERS } from './address-plan';
import { archiveFlowLog } from './archive-flow-log';
import { closeDefaultSecurityGroup } from './lookups/lookup-resources';
import type { NetworkParameters } from './network-parameters';
import type { Segment } from './segments';
import { TransitAttachment } from './transit-attachment';

export type HubVpcKind = 'inspection' | 'egress' | 'endpoints';

export interface HubVpcProps {
  readonly kind: HubVpcKind;
  /** The VPC's Name tag, like `gcp-inspection`. */
  readonly name: string;
  readonly cidr: string;
  readonly availabilityZones: readonly string[];
  /** The hub's values: Transit Gateway, route tables, log archive. */
  readonly network: NetworkParameters;
  /** Segment whose route table routes this VPC's traffic. */
  readonly association: Segment;
  /** Segments whose route tables learn this VPC's block. @default - none */
  readonly propagations?: readonly Segment[];
  /** @default false */
  readonly applianceMode?: boolean;
  /** NAT gateways in the `Public` tier (egress VPC only). @default 0 */
  readonly natGateways?: number;
}

/**
 * A VPC of the hub: its tiers split its block evenly (one subnet per tier and zone), the
 * `Transit` tier holds the Transit Gateway attachment, flow logs go to the archive, S3 and
 * DynamoDB are reached through gateway endpoints, and the default security group is closed.
 */
export class HubVpc extends Construct {
  public readonly vpc: ec2.Vpc;
  public readonly transit: TransitAttachment;

  constructor(scope: Construct, id: string, props: HubVpcProps) {
    super(scope, id);
    const tiers: readonly string[] = VPC_TIERS[props.kind];
    const cidrMask = subnetPrefixOf(props.kind, props.cidr, props.availabilityZones.length);
    const natGateways = props.natGateways ?? 0;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      vpcName: props.name,
      ipAddresses: ec2.IpAddresses.cidr(props.cidr),
      availabilityZones: [...props.availabilityZones],
      natGateways,
      createInternetGateway: tiers.includes('Public'),
      // Closed below by the hub's shared function: no custom-resource function per stack.
      restrictDefaultSecurityGroup: false,
      subnetConfiguration: tiers.map((name) => ({
        name,
        cidrMask,
        subnetType:
          name === 'Public'
            ? ec2.SubnetType.PUBLIC
            : natGateways > 0 && name === 'Transit'
              ? ec2.SubnetType.PRIVATE_WITH_EGRESS
              : ec2.SubnetType.PRIVATE_ISOLATED,
        mapPublicIpOnLaunch: name === 'Public' ? false : undefined,
      })),
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
    });
    closeDefaultSecurityGroup(this.vpc, props.network.lookupServiceToken);
    archiveFlowLog(this, 'FlowLog', ec2.FlowLogResourceType.fromVpc(this.vpc), props.network.logArchiveBucket);

    for (const subnet of this.vpc.publicSubnets) {
      const defaultRoute = subnet.node.tryFindChild('DefaultRoute');
      if (defaultRoute) {
        acknowledge(
          defaultRoute,
          [
            'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW',
            'HIPAA.Security-VPCNoUnrestrictedRouteToIGW',
            'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW',
          ],
          "The central egress: only NAT gateways live in this subnet, and traffic reaches them only after the Network Firewall's stateful allowlist. No workload subnet of the platform routes to an internet gateway.",
        );
      }
    }

    const route = (segment: Segment) => ({ segment, routeTableId: props.network.routeTableId(segment) });
    this.transit = new TransitAttachment(this, 'Attachment', {
      transitGatewayId: props.network.transitGatewayId,
      vpc: this.vpc,
      subnets: this.subnets('Transit'),
      association: route(props.association),
      propagations: (props.propagations ?? []).map(route),
      applianceMode: props.applianceMode,
    });
  }

  /** The subnets of one tier, one per availability zone, in zone order. */
  subnets(tier: string): ec2.ISubnet[] {
    return this.vpc.selectSubnets({ subnetGroupName: tier }).subnets;
  }
}
