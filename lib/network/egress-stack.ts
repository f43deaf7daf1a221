import type { Construct } from 'constructs';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { HubVpc } from './hub-vpc';
import { NetworkParameters } from './network-parameters';
import { transitRoute } from './transit-attachment';

export type EgressStackProps = Omit<PlatformStackProps, 'area'>;

/**
 * The central egress VPC: NAT gateways (one per availability zone, or one for the `dev`
 * profile) behind the only internet gateway of the platform. Traffic arrives here from the
 * Transit Gateway only after inspection, and replies go back through inspection.
 */
export class EgressStack extends PlatformStack {
  public readonly hubVpc: HubVpc;

  constructor(scope: Construct, id: string, props: EgressStackProps) {
    super(scope, id, { ...props, area: 'Network-Egress', description: 'Network egress: NAT gateways behind the internet gateway' });
    const { platform, network: settings } = this.config;
    const network = new NetworkParameters(this, platform.prefix);

    this.hubVpc = new HubVpc(this, 'Egress', {
      kind: 'egress',
      name: `${platform.prefix}-egress`,
      cidr: settings.hub.egress,
      availabilityZones: platform.availabilityZones,
      network,
      association: 'egress',
      natGateways: platform.profile === 'dev' ? 1 : platform.availabilityZones.length,
    });
    // Replies from the internet to the platform go back through the Transit Gateway.
    this.hubVpc.transit.routeToTransitGateway(this.hubVpc.vpc.publicSubnets, platform.cidr, 'ToPlatform');
    transitRoute(this, {
      routeTable: { segment: 'inspection', routeTableId: network.routeTableId('inspection') },
      destinationCidrBlock: '0.0.0.0/0',
      attachmentId: this.hubVpc.transit.attachmentId,
    });
  }
}
