import * as directconnect from 'aws-cdk-lib/aws-directconnect';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, type IDependable } from 'constructs';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';
import { transitGatewayAttachmentId } from './lookups/lookup-resources';
import { NetworkParameters } from './network-parameters';
import { ON_PREMISES_ROUTED, type Segment } from './segments';
import { associateAndPropagate, type SegmentRouteTable, transitRoute } from './transit-attachment';
import { VendedLogGroup } from './vended-log-group';

export type HybridStackProps = Omit<PlatformStackProps, 'area'>;

/** Largest ASN that fits the customer gateway's 2-byte field; larger ones use the extended field. */
const MAX_TWO_BYTE_FIELD_ASN = 2_147_483_647;

/** IPsec settings of each tunnel: IKEv2 with AES-256 and SHA-2 only, Diffie-Hellman groups 20 and 21. */
function tunnelOptions(logGroupArn: string): ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty {
  const values = <T>(...items: T[]) => items.map((value) => ({ value }));
  return {
    ikeVersions: values('ikev2'),
    phase1EncryptionAlgorithms: values('AES256', 'AES256-GCM-16'),
    phase1IntegrityAlgorithms: values('SHA2-256', 'SHA2-384', 'SHA2-512'),
    phase1DhGroupNumbers: values(20, 21),
    phase2EncryptionAlgorithms: values('AES256', 'AES256-GCM-16'),
    phase2IntegrityAlgorithms: values('SHA2-256', 'SHA2-384', 'SHA2-512'),
    phase2DhGroupNumbers: values(20, 21),
    dpdTimeoutAction: 'restart',
    startupAction: 'start',
    logOptions: {
      cloudwatchLogOptions: {
        logEnabled: true,
        logGroupArn,
        logOutputFormat: 'json',
        bgpLogEnabled: true,
        bgpLogGroupArn: logGroupArn,
        bgpLogOutputFormat: 'json',
      },
    },
  };
}

/**
 * The links to the data centre on the Transit Gateway: a Site-to-Site VPN with two tunnels and
 * BGP, and optionally a Direct Connect gateway. Both are associated with the `onPremises` route
 * table. Traffic to the data centre's ranges from departments, shared services and the endpoints
 * VPC goes over the VPN; with Direct Connect, routes are learned over BGP from both links, and
 * the Transit Gateway prefers Direct Connect, so the VPN becomes the backup.
 */
export class HybridStack extends PlatformStack {
  public readonly customerGateway: ec2.CfnCustomerGateway;
  public readonly vpn: ec2.CfnVPNConnection;
  /** The VPN's Transit Gateway attachment. */
  public readonly vpnAttachmentId: string;
  public readonly tunnelLogs: VendedLogGroup;
  public readonly directConnect?: directconnect.CfnDirectConnectGatewayAssociation;

  constructor(scope: Construct, id: string, props: HybridStackProps) {
    super(scope, id, { ...props, area: 'Network-Hybrid', description: 'Network hybrid links: VPN and Direct Connect to the data centre' });
    const { platform, network: settings, onPremises } = this.config;
    const network = new NetworkParameters(this, platform.prefix);
    const transitGatewayId = network.transitGatewayId;
    const routeTable = (segment: Segment): SegmentRouteTable => ({ segment, routeTableId: network.routeTableId(segment) });
    const attachmentOf = (lookupId: string, resourceId: string, after?: IDependable) =>
      transitGatewayAttachmentId(this, lookupId, { serviceToken: network.lookupServiceToken, transitGatewayId, resourceId, after });

    const { customerGatewayIp, bgpAsn } = settings.vpn;
    this.customerGateway = new ec2.CfnCustomerGateway(this, 'CustomerGateway', {
      type: 'ipsec.1',
      ipAddress: customerGatewayIp,
      bgpAsn: bgpAsn <= MAX_TWO_BYTE_FIELD_ASN ? bgpAsn : undefined,
      bgpAsnExtended: bgpAsn > MAX_TWO_BYTE_FIELD_ASN ? bgpAsn : undefined,
      deviceName: 'data-centre-vpn',
      tags: [{ key: 'Name', value: `${platform.prefix}-data-centre` }],
    });
    this.tunnelLogs = new VendedLogGroup(this, 'TunnelLogs', { encryptionKey: network.networkKey, retention: this.logRetention });
    this.vpn = new ec2.CfnVPNConnection(this, 'Vpn', {
      type: 'ipsec.1',
      customerGatewayId: this.customerGateway.ref,
      transitGatewayId,
      staticRoutesOnly: false,
      preSharedKeyStorage: 'SecretsManager',
      vpnTunnelOptionsSpecifications: [tunnelOptions(this.tunnelLogs.deliveryArn), tunnelOptions(this.tunnelLogs.deliveryArn)],
      tags: [{ key: 'Name', value: `${platform.prefix}-data-centre` }],
    });
    this.vpnAttachmentId = attachmentOf('VpnAttachment', this.vpn.ref);

    let directConnectAttachmentId: string | undefined;
    if (settings.directConnectGatewayId) {
      this.directConnect = new directconnect.CfnDirectConnectGatewayAssociation(this, 'DirectConnect', {
        directConnectGatewayId: settings.directConnectGatewayId,
        associatedGatewayId: transitGatewayId,
        allowedPrefixesToDirectConnectGateway: [platform.cidr],
      });
      // The attachment exists once the association does; the gateway id alone does not say so.
      directConnectAttachmentId = attachmentOf('DirectConnectAttachment', settings.directConnectGatewayId, this.directConnect);
    }

    const routed = ON_PREMISES_ROUTED.map(routeTable);
    if (directConnectAttachmentId) {
      associateAndPropagate(new Construct(this, 'VpnRouting'), this.vpnAttachmentId, routeTable('onPremises'), routed);
      associateAndPropagate(new Construct(this, 'DirectConnectRouting'), directConnectAttachmentId, routeTable('onPremises'), routed);
    } else {
      associateAndPropagate(new Construct(this, 'VpnRouting'), this.vpnAttachmentId, routeTable('onPremises'), []);
      const routes = new Construct(this, 'DataCentreRoutes');
      for (const rt of routed) {
        for (const range of onPremises.ranges) {
          transitRoute(routes, { routeTable: rt, destinationCidrBlock: range, attachmentId: this.vpnAttachmentId });
        }
      }
    }
  }
}
