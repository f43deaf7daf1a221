import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { Segment } from './segments';

/** A Transit Gateway route table, named by its segment. */
export interface SegmentRouteTable {
  readonly segment: Segment;
  readonly routeTableId: string;
}

/** A segment and its route table, where a static route is added. */
export interface TransitRouteProps {
  readonly routeTable: SegmentRouteTable;
  readonly destinationCidrBlock: string;
  /** @default - a blackhole route: matching traffic is dropped */
  readonly attachmentId?: string;
}

/** A CIDR block as a construct id: `10.0.0.0/12` → `10-0-0-0-12`. */
export function cidrId(cidr: string): string {
  return cidr.replace(/[./]/g, '-');
}

/** A static Transit Gateway route, with an id naming its segment and destination. */
export function transitRoute(scope: Construct, props: TransitRouteProps): ec2.CfnTransitGatewayRoute {
  const { segment, routeTableId } = props.routeTable;
  const target = props.attachmentId ? 'To' : 'Blackhole';
  return new ec2.CfnTransitGatewayRoute(scope, `${segment}${target}${cidrId(props.destinationCidrBlock)}`, {
    transitGatewayRouteTableId: routeTableId,
    destinationCidrBlock: props.destinationCidrBlock,
    transitGatewayAttachmentId: props.attachmentId,
    blackhole: props.attachmentId ? undefined : true,
  });
}

/** Associates an attachment with one route table and propagates it into others. */
export function associateAndPropagate(
  scope: Construct,
  attachmentId: string,
  association: SegmentRouteTable | undefined,
  propagations: readonly SegmentRouteTable[],
): void {
  if (association) {
    new ec2.CfnTransitGatewayRouteTableAssociation(scope, 'Association', {
      transitGatewayAttachmentId: attachmentId,
      transitGatewayRouteTableId: association.routeTableId,
    });
  }
  for (const { segment, routeTableId } of propagations) {
    new ec2.CfnTransitGatewayRouteTablePropagation(scope, `PropagationTo${segment}`, {
      transitGatewayAttachmentId: attachmentId,
      transitGatewayRouteTableId: routeTableId,
    });
  }
}

export interface TransitAttachmentProps {
  readonly transitGatewayId: string;
  readonly vpc: ec2.IVpc;
  /** One subnet per availability zone, where the attachment's interfaces go. */
  readonly subnets: readonly ec2.ISubnet[];
  /** The route table the VPC's traffic is routed by. */
  readonly association: SegmentRouteTable;
  /** Route tables that learn the VPC's block. */
  readonly propagations: readonly SegmentRouteTable[];
  /**
   * Keep both directions of a flow on one availability zone, as a stateful appliance needs.
   * @default false
   */
  readonly applianceMode?: boolean;
}

/** A VPC's attachment to the Transit Gateway, with its association and propagations. */
export class TransitAttachment extends Construct {
  public readonly attachment: ec2.CfnTransitGatewayVpcAttachment;

  constructor(scope: Construct, id: string, props: TransitAttachmentProps) {
    super(scope, id);
    this.attachment = new ec2.CfnTransitGatewayVpcAttachment(this, 'Resource', {
      transitGatewayId: props.transitGatewayId,
      vpcId: props.vpc.vpcId,
      subnetIds: props.subnets.map((s) => s.subnetId),
      options: { DnsSupport: 'enable', ApplianceModeSupport: props.applianceMode ? 'enable' : 'disable' },
    });
    associateAndPropagate(this, this.attachmentId, props.association, props.propagations);
  }

  get attachmentId(): string {
    return this.attachment.ref;
  }

  /**
   * A route in each of `subnets` sending `destination` to the Transit Gateway, created once the
   * attachment exists (a route to an unattached Transit Gateway fails).
   */
  routeToTransitGateway(subnets: readonly ec2.ISubnet[], destination: string, name: string): void {
    for (const subnet of subnets) {
      const route = new ec2.CfnRoute(subnet, name, {
        routeTableId: subnet.routeTable.routeTableId,
        destinationCidrBlock: destination,
        transitGatewayId: this.attachment.transitGatewayId,
      });
      route.addResourceDependency(this.attachment);
    }
  }
}
