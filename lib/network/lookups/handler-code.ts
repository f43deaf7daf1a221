/** Resource types the network lookups answer, each a CloudFormation custom resource type. */
export const LOOKUP_TYPES = {
  /** Revokes every rule of a VPC's default security group, so nothing can use it. */
  closeDefaultSecurityGroup: 'Custom::VpcRestrictDefaultSG',
  /** The id of the Transit Gateway attachment of a VPN connection or Direct Connect gateway, once available. */
  transitGatewayAttachment: 'Custom::TransitGatewayAttachment',
  /** The Network Firewall endpoint in each availability zone, once ready. */
  firewallEndpoints: 'Custom::FirewallEndpoints',
} as const;

/**
 * The handler of the network lookups, inline so that it needs no bundling: CommonJS for the
 * Node.js runtime, using the AWS SDK the runtime provides. CloudFormation invokes it
 * asynchronously and reads the answer from the pre-signed response URL. Kept under the 4 KB
 * CloudFormation allows for inline code. `SLEEP_MS` and the clients can be replaced in tests.
 */
export const LOOKUP_HANDLER_CODE = `const ec2 = require('@aws-sdk/client-ec2');
const nfw = require('@aws-sdk/client-network-firewall');
const E = new ec2.EC2Client({});
const F = new nfw.NetworkFirewallClient({});
const TRIES = 60;
exports.SLEEP_MS = 10000;
const sleep = () => new Promise((r) => setTimeout(r, exports.SLEEP_MS));

async function poll(find, what) {
  for (let i = 0; i < TRIES; i++) {
    const found = await find();
    if (found) return found;
    await sleep();
  }
  throw new Error(what + ' is still not available');
}

const lookups = {
  '${LOOKUP_TYPES.closeDefaultSecurityGroup}': async (p) => {
    const r = await E.send(new ec2.DescribeSecurityGroupsCommand({ GroupIds: [p.DefaultSecurityGroupId] }));
    const g = (r.SecurityGroups || [])[0];
    if (!g || g.GroupName !== 'default') throw new Error(p.DefaultSecurityGroupId + ' is not a default security group');
    if ((g.IpPermissions || []).length > 0) {
      await E.send(new ec2.RevokeSecurityGroupIngressCommand({ GroupId: g.GroupId, IpPermissions: g.IpPermissions }));
    }
    if ((g.IpPermissionsEgress || []).length > 0) {
      await E.send(new ec2.RevokeSecurityGroupEgressCommand({ GroupId: g.GroupId, IpPermissions: g.IpPermissionsEgress }));
    }
    return { id: g.GroupId, data: {} };
  },
  '${LOOKUP_TYPES.transitGatewayAttachment}': (p) =>
    poll(async () => {
      const r = await E.send(new ec2.DescribeTransitGatewayAttachmentsCommand({ Filters: [
        { Name: 'transit-gateway-id', Values: [p.TransitGatewayId] },
        { Name: 'resource-id', Values: [p.ResourceId] },
        { Name: 'state', Values: ['available'] },
      ] }));
      const a = (r.TransitGatewayAttachments || [])[0];
      return a && { id: a.TransitGatewayAttachmentId, data: { AttachmentId: a.TransitGatewayAttachmentId } };
    }, 'the attachment of ' + p.ResourceId),
  '${LOOKUP_TYPES.firewallEndpoints}': (p) =>
    poll(async () => {
      const r = await F.send(new nfw.DescribeFirewallCommand({ FirewallArn: p.FirewallArn }));
      const states = (r.FirewallStatus && r.FirewallStatus.SyncStates) || {};
      const data = {};
      for (const az of p.AvailabilityZones) {
        const id = states[az] && states[az].Attachment && states[az].Attachment.EndpointId;
        if (!id) return undefined;
        data[az] = id;
      }
      return { id: p.FirewallArn, data };
    }, 'an endpoint of ' + p.FirewallArn),
};

exports.handler = async (event, context) => {
  const answer = { Status: 'SUCCESS', PhysicalResourceId: event.PhysicalResourceId || event.LogicalResourceId };
  try {
    const lookup = lookups[event.ResourceType];
    if (!lookup) throw new Error('unknown resource type ' + event.ResourceType);
    if (event.RequestType !== 'Delete') {
      const r = await lookup(event.ResourceProperties);
      answer.PhysicalResourceId = r.id;
      answer.Data = r.data;
    }
  } catch (err) {
    console.error(err);
    answer.Status = 'FAILED';
    answer.Reason = String((err && err.message) || err) + ' (log stream ' + context.logStreamName + ')';
  }
  const body = JSON.stringify({ ...answer, StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId });
  await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body });
};
`;
