import { Template } from 'aws-cdk-lib/assertions';
import { SERVICES } from '../../lambda/registry';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, testVpc, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('ServiceStack of identity', () => {
  const stack = new ServiceStack(unitTestApp(), 'Identity', {
    config: defaultConfig(),
    service: SERVICES.identity,
    vpc: testVpc,
  });
  const template = Template.fromStack(stack);
  const policyOf = (role: { roleName: string }) =>
    Object.values(template.findResources('AWS::IAM::ManagedPolicy')).find((p) =>
      JSON.stringify(p.Properties.Roles).includes(stack.resolve(role.roleName).Ref),
    )?.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>;

  it("records sign-ins from the shared services' queue, retrying only the failed reports of a batch", () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    expect(mappings[0].Properties).toMatchObject({
      EventSourceArn: '{{resolve:ssm:/gcp/identity/sign-in-queue-arn}}',
      FunctionName: stack.resolve(stack.functions.signIns.function.functionName),
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets only the recorder read the queue, and decrypt it with the queue’s key', () => {
    const receives = (role: { roleName: string }) => policyOf(role).filter((s) => [s.Action].flat().includes('sqs:ReceiveMessage'));
    expect(receives(stack.functions.signIns.role)).toEqual([
      expect.objectContaining({ Resource: '{{resolve:ssm:/gcp/identity/sign-in-queue-arn}}' }),
    ]);
    expect(
      policyOf(stack.functions.signIns.role).some(
        (s) => [s.Action].flat().includes('kms:Decrypt') && s.Resource === '{{resolve:ssm:/gcp/identity/sign-in-key-arn}}',
      ),
    ).toBe(true);
    for (const other of [stack.functions.api, stack.functions.signing]) expect(receives(other.role)).toEqual([]);
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
