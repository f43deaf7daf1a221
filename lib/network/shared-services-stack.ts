import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { NetworkParameters, PublishedParameters } from './network-parameters';
import { SPOKE_PROPAGATIONS } from './segments';
import { SpokeVpc } from './spoke-vpc';

export type SharedServicesNetworkStackProps = Omit<PlatformStackProps, 'area'>;

/**
 * The shared-services VPC, where the platform's service functions run: a spoke of the platform
 * itself, so their traffic to departments and the internet passes inspection and they reach AWS
 * through the endpoints VPC. Its VPC id, its subnet and route table in each zone and the
 * security group for functions are published for `importSharedServicesVpc`.
 */
export class SharedServicesNetworkStack extends PlatformStack {
  public readonly spoke: SpokeVpc;
  /** Lets a function reach the interface endpoints, the data centre and, through inspection, the internet over HTTPS. */
  public readonly functionSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: SharedServicesNetworkStackProps) {
    super(scope, id, {
      ...props,
      area: 'Network-SharedServices',
      description: 'Network: the shared-services VPC of the service functions',
    });
    const { platform, network: settings, onPremises } = this.config;
    const network = new NetworkParameters(this, platform.prefix);

    this.spoke = new SpokeVpc(this, 'SharedServices', {
      name: `${platform.prefix}-shared-services`,
      cidr: settings.hub.sharedServices,
      availabilityZones: platform.availabilityZones,
      network,
      association: 'sharedServices',
      propagations: SPOKE_PROPAGATIONS,
      platformCidr: platform.cidr,
      onPremisesRanges: onPremises.ranges,
    });

    this.functionSecurityGroup = new ec2.SecurityGroup(this, 'FunctionSecurityGroup', {
      vpc: this.spoke.vpc,
      description: 'Service functions: HTTPS out only (endpoints, data centre, allowlisted internet through inspection)',
      allowAllOutbound: false,
    });
    this.functionSecurityGroup.addEgressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(443),
      'HTTPS; the firewall decides what lies beyond the platform',
    );

    const names = network.names;
    const parameters = new PublishedParameters(this, 'Parameters');
    parameters.publish('VpcId', names.sharedServicesVpcId, this.spoke.vpc.vpcId);
    parameters.publish('FunctionSecurityGroupId', names.sharedServicesFunctionSecurityGroupId, this.functionSecurityGroup.securityGroupId);
    for (const subnet of this.spoke.appSubnets) {
      const az = subnet.availabilityZone;
      parameters.publish(`Subnet-${az}`, names.sharedServicesSubnetId(az), subnet.subnetId);
      parameters.publish(`RouteTable-${az}`, names.sharedServicesRouteTableId(az), subnet.routeTable.routeTableId);
    }
  }
}
