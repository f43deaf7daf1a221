import { CustomResource } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct, IDependable } from 'constructs';
import { LOOKUP_TYPES } from './handler-code';

/**
 * Closes the default security group of `vpc` through the shared lookups function: every rule
 * is revoked, so a resource placed in it by mistake can neither send nor receive. The resource
 * takes the id and type CDK's own restriction uses, which is what compliance checks look for.
 */
export function closeDefaultSecurityGroup(vpc: ec2.Vpc, serviceToken: string): CustomResource {
  return new CustomResource(vpc, 'RestrictDefaultSecurityGroupCustomResource', {
    serviceToken,
    resourceType: LOOKUP_TYPES.closeDefaultSecurityGroup,
    properties: { DefaultSecurityGroupId: vpc.vpcDefaultSecurityGroup },
  });
}

/**
 * The id of the Transit Gateway attachment of a VPN connection or Direct Connect gateway, which
 * CloudFormation creates but does not return.
 */
export function transitGatewayAttachmentId(
  scope: Construct,
  id: string,
  props: { serviceToken: string; transitGatewayId: string; resourceId: string; after?: IDependable },
): string {
  const lookup = new CustomResource(scope, id, {
    serviceToken: props.serviceToken,
    resourceType: LOOKUP_TYPES.transitGatewayAttachment,
    properties: { TransitGatewayId: props.transitGatewayId, ResourceId: props.resourceId },
  });
  if (props.after) lookup.node.addDependency(props.after);
  return lookup.getAttString('AttachmentId');
}

/**
 * The endpoint of a Network Firewall in each availability zone. CloudFormation returns them
 * only as an unordered list of `zone:endpoint` strings, so they are looked up by zone.
 */
export function firewallEndpointIds(
  scope: Construct,
  id: string,
  props: { serviceToken: string; firewallArn: string; availabilityZones: readonly string[] },
): Record<string, string> {
  const lookup = new CustomResource(scope, id, {
    serviceToken: props.serviceToken,
    resourceType: LOOKUP_TYPES.firewallEndpoints,
    properties: { FirewallArn: props.firewallArn, AvailabilityZones: [...props.availabilityZones] },
  });
  return Object.fromEntries(props.availabilityZones.map((az) => [az, lookup.getAttString(az)]));
}
