import { LOOKUP_HANDLER_CODE, LOOKUP_TYPES } from '../../lib/network/lookups/handler-code';

interface SentCommand {
  readonly name: string;
  readonly input: any;
}

type Answer = (command: SentCommand) => unknown;

/** The inline handler, run with fake AWS SDK clients and a fake response endpoint. */
function handlerWith(answer: Answer) {
  const sent: SentCommand[] = [];
  const responses: Array<{ url: string; init: any; body: any }> = [];
  const command = (name: string) =>
    class {
      readonly name = name;
      constructor(readonly input: unknown) {}
    };
  const client = class {
    async send(cmd: SentCommand) {
      sent.push({ name: cmd.name, input: cmd.input });
      return answer(cmd);
    }
  };
  const sdk: Record<string, unknown> = {
    '@aws-sdk/client-ec2': {
      EC2Client: client,
      DescribeSecurityGroupsCommand: command('DescribeSecurityGroups'),
      RevokeSecurityGroupIngressCommand: command('RevokeSecurityGroupIngress'),
      RevokeSecurityGroupEgressCommand: command('RevokeSecurityGroupEgress'),
      DescribeTransitGatewayAttachmentsCommand: command('DescribeTransitGatewayAttachments'),
    },
    '@aws-sdk/client-network-firewall': { NetworkFirewallClient: client, DescribeFirewallCommand: command('DescribeFirewall') },
  };
  const fetch = async (url: string, init: any) => {
    responses.push({ url, init, body: JSON.parse(init.body) });
    return { ok: true };
  };
  const cjs = { exports: {} as any };
  new Function('require', 'exports', 'module', 'fetch', 'console', LOOKUP_HANDLER_CODE)(
    (name: string) => sdk[name],
    cjs.exports,
    cjs,
    fetch,
    { error: () => undefined },
  );
  cjs.exports.SLEEP_MS = 0;
  const invoke = (event: Record<string, unknown>) =>
    cjs.exports.handler(
      {
        RequestType: 'Create',
        ResponseURL: 'https://response.example/put',
        StackId: 'stack-1',
        RequestId: 'request-1',
        LogicalResourceId: 'Lookup',
        ...event,
      },
      { logStreamName: 'stream-1' },
    ) as Promise<void>;
  return { invoke, sent, responses };
}

describe('the network lookups handler', () => {
  it('fits the 4 KB CloudFormation allows for inline code', () => {
    expect(LOOKUP_HANDLER_CODE.length).toBeLessThan(4096);
  });

  describe('closing a default security group', () => {
    const group = {
      GroupId: 'sg-1',
      GroupName: 'default',
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1' }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    };
    const event = { ResourceType: LOOKUP_TYPES.closeDefaultSecurityGroup, ResourceProperties: { DefaultSecurityGroupId: 'sg-1' } };

    it('revokes exactly the rules the group has, in and out', async () => {
      const { invoke, sent, responses } = handlerWith(() => ({ SecurityGroups: [group] }));
      await invoke(event);
      expect(sent.slice(1)).toEqual([
        { name: 'RevokeSecurityGroupIngress', input: { GroupId: 'sg-1', IpPermissions: group.IpPermissions } },
        { name: 'RevokeSecurityGroupEgress', input: { GroupId: 'sg-1', IpPermissions: group.IpPermissionsEgress } },
      ]);
      expect(responses[0].body).toMatchObject({
        Status: 'SUCCESS',
        PhysicalResourceId: 'sg-1',
        StackId: 'stack-1',
        RequestId: 'request-1',
      });
      expect(responses[0]).toMatchObject({ url: 'https://response.example/put', init: { method: 'PUT' } });
    });

    it('does nothing to a group already closed', async () => {
      const { invoke, sent, responses } = handlerWith(() => ({
        SecurityGroups: [{ ...group, IpPermissions: [], IpPermissionsEgress: [] }],
      }));
      await invoke(event);
      expect(sent.map((c) => c.name)).toEqual(['DescribeSecurityGroups']);
      expect(responses[0].body.Status).toBe('SUCCESS');
    });

    it('refuses to touch a group that is not a default group', async () => {
      const { invoke, sent, responses } = handlerWith(() => ({ SecurityGroups: [{ ...group, GroupName: 'app' }] }));
      await invoke(event);
      expect(sent.map((c) => c.name)).toEqual(['DescribeSecurityGroups']);
      expect(responses[0].body).toMatchObject({
        Status: 'FAILED',
        Reason: expect.stringContaining('sg-1 is not a default security group'),
      });
    });

    it('leaves the group alone on delete, keeping the physical id', async () => {
      const { invoke, sent, responses } = handlerWith(() => ({}));
      await invoke({ ...event, RequestType: 'Delete', PhysicalResourceId: 'sg-1' });
      expect(sent).toEqual([]);
      expect(responses[0].body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'sg-1' });
    });
  });

  describe('finding a Transit Gateway attachment', () => {
    const event = {
      ResourceType: LOOKUP_TYPES.transitGatewayAttachment,
      ResourceProperties: { TransitGatewayId: 'tgw-1', ResourceId: 'vpn-1' },
    };

    it('waits until the attachment is available and returns its id', async () => {
      let calls = 0;
      const { invoke, sent, responses } = handlerWith(() => {
        calls += 1;
        return { TransitGatewayAttachments: calls < 3 ? [] : [{ TransitGatewayAttachmentId: 'tgw-attach-1' }] };
      });
      await invoke(event);
      expect(sent).toHaveLength(3);
      expect(sent[0].input.Filters).toEqual([
        { Name: 'transit-gateway-id', Values: ['tgw-1'] },
        { Name: 'resource-id', Values: ['vpn-1'] },
        { Name: 'state', Values: ['available'] },
      ]);
      expect(responses[0].body).toMatchObject({
        Status: 'SUCCESS',
        PhysicalResourceId: 'tgw-attach-1',
        Data: { AttachmentId: 'tgw-attach-1' },
      });
    });

    it('fails the deployment when the attachment never becomes available', async () => {
      const { invoke, sent, responses } = handlerWith(() => ({ TransitGatewayAttachments: [] }));
      await invoke(event);
      expect(sent).toHaveLength(60);
      expect(responses[0].body).toMatchObject({
        Status: 'FAILED',
        Reason: expect.stringContaining('the attachment of vpn-1 is still not available'),
      });
    });
  });

  describe('finding the firewall endpoints', () => {
    const event = {
      ResourceType: LOOKUP_TYPES.firewallEndpoints,
      ResourceProperties: { FirewallArn: 'arn:fw', AvailabilityZones: ['ap-east-1a', 'ap-east-1b'] },
    };
    const state = (id: string) => ({ Attachment: { EndpointId: id } });

    it('returns the endpoint of each zone once every zone has one', async () => {
      let calls = 0;
      const { invoke, responses } = handlerWith(() => {
        calls += 1;
        const SyncStates =
          calls === 1 ? { 'ap-east-1a': state('vpce-a') } : { 'ap-east-1a': state('vpce-a'), 'ap-east-1b': state('vpce-b') };
        return { FirewallStatus: { SyncStates } };
      });
      await invoke(event);
      expect(calls).toBe(2);
      expect(responses[0].body).toMatchObject({
        Status: 'SUCCESS',
        PhysicalResourceId: 'arn:fw',
        Data: { 'ap-east-1a': 'vpce-a', 'ap-east-1b': 'vpce-b' },
      });
    });
  });

  it('fails on a resource type it does not know', async () => {
    const { invoke, responses } = handlerWith(() => ({}));
    await invoke({ ResourceType: 'Custom::Other', ResourceProperties: {} });
    expect(responses[0].body).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('unknown resource type Custom::Other') });
  });
});
