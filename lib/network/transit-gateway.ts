import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { SEGMENTS, type Segment, segmentSlug } from './segments';

export interface TransitGatewayHubProps {
  /** Private ASN of the Amazon side of BGP sessions. */
  readonly amazonSideAsn: number;
  /** Prefix of the route tables' Name tags. */
  readonly namePrefix: string;
}

/**
 * The Transit Gateway at the centre of the platform network, with one route table per segment.
 * Default association and propagation are off: an attachment reaches only what its segment's
 * route table lists, and is reachable only from route tables it is propagated into.
 */
export class TransitGatewayHub extends Construct {
  public readonly transitGateway: ec2.CfnTransitGateway;
  public readonly routeTables: Readonly<Record<Segment, ec2.CfnTransitGatewayRouteTable>>;

  constructor(scope: Construct, id: string, props: TransitGatewayHubProps) {
    super(scope, id);
    this.transitGateway = new ec2.CfnTransitGateway(this, 'Resource', {
      description: 'Hub of the platform network',
      amazonSideAsn: props.amazonSideAsn,
      autoAcceptSharedAttachments: 'disable',
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      dnsSupport: 'enable',
      vpnEcmpSupport: 'enable',
      multicastSupport: 'disable',
      tags: [{ key: 'Name', value: `${props.namePrefix}-hub` }],
    });
    const routeTables = {} as Record<Segment, ec2.CfnTransitGatewayRouteTable>;
    for (const segment of SEGMENTS) {
      routeTables[segment] = new ec2.CfnTransitGatewayRouteTable(this, `${segment[0].toUpperCase()}${segment.slice(1)}RouteTable`, {
        transitGatewayId: this.transitGateway.ref,
        tags: [{ key: 'Name', value: `${props.namePrefix}-${segmentSlug(segment)}` }],
      });
    }
    this.routeTables = routeTables;
  }
}
