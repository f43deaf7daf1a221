import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ram from 'aws-cdk-lib/aws-ram';
import type { Construct } from 'constructs';
import { PlatformKey } from '../constructs/platform-key';
import { transitGatewayConsumers } from '../organization/accounts';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { archiveFlowLog } from './archive-flow-log';
import { firewallName } from './firewall-policy';
import { NetworkLookups } from './lookups/network-lookups';
import { NetworkParameters, PublishedParameters } from './network-parameters';
import { SEGMENTS, segmentSlug } from './segments';
import { transitRoute } from './transit-attachment';
import { TransitGatewayHub } from './transit-gateway';

export type NetworkHubStackProps = Omit<PlatformStackProps, 'area'>;

/**
 * The centre of the network, deployed first: the Transit Gateway and its route tables, the key
 * of the network's logs, and the lookups function the other network stacks and the department
 * spokes use. Everything they need is published as SSM parameters.
 */
export class NetworkHubStack extends PlatformStack {
  public readonly hub: TransitGatewayHub;
  public readonly key: PlatformKey;
  public readonly lookups: NetworkLookups;

  constructor(scope: Construct, id: string, props: NetworkHubStackProps) {
    super(scope, id, { ...props, area: 'Network-Hub', description: 'Network hub: Transit Gateway, route tables, network lookups' });
    const { platform, network: settings } = this.config;
    const network = new NetworkParameters(this, platform.prefix);

    this.key = new PlatformKey(this, 'Key', {
      purpose: "Encrypts the platform network's log groups and queues",
      allowCloudWatchLogs: true,
    });
    this.hub = new TransitGatewayHub(this, 'TransitGateway', { amazonSideAsn: settings.transitGatewayAsn, namePrefix: platform.prefix });
    archiveFlowLog(
      this,
      'TransitGatewayFlowLog',
      ec2.FlowLogResourceType.fromTransitGatewayId(this.hub.transitGateway.ref),
      network.logArchiveBucket,
    );

    if (settings.spokeToSpoke === 'deny') {
      // Departments reach nothing in the platform range but what is routed more specifically:
      // the endpoints VPC (propagated) and shared services (through inspection).
      transitRoute(this.hub, {
        routeTable: { segment: 'departments', routeTableId: this.hub.routeTables.departments.ref },
        destinationCidrBlock: platform.cidr,
      });
    }

    // In organization mode the departments' accounts attach their spokes to the hub through RAM,
    // inside the organization only.
    const consumers = transitGatewayConsumers(this.config);
    if (consumers.length > 0) {
      new ram.CfnResourceShare(this, 'TransitGatewayShare', {
        name: `${platform.prefix}-transit-gateway`,
        resourceArns: [this.formatArn({ service: 'ec2', resource: 'transit-gateway', resourceName: this.hub.transitGateway.ref })],
        principals: consumers,
        allowExternalPrincipals: false,
      });
    }

    this.lookups = new NetworkLookups(this, 'Lookups', {
      encryptionKey: this.key,
      logRetention: this.logRetention,
      firewallName: firewallName(platform.prefix),
    });

    const names = network.names;
    const parameters = new PublishedParameters(this, 'Parameters');
    parameters.publish('KeyArn', names.networkKeyArn, this.key.keyArn);
    parameters.publish('TransitGatewayId', names.transitGatewayId, this.hub.transitGateway.ref);
    parameters.publish('LookupServiceToken', names.networkLookupServiceToken, this.lookups.serviceToken);
    for (const segment of SEGMENTS) {
      const slug = segmentSlug(segment);
      parameters.publish(`RouteTable-${slug}`, names.transitGatewayRouteTableId(slug), this.hub.routeTables[segment].ref);
    }
  }
}
