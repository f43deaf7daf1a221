import { buildCatalogue } from '../../lib/departments/provisioning';
import { DepartmentSpoke } from '../../lib/network/department-spoke';
import { PlatformStack } from '../../lib/platform-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';
import { TemplateModel } from './network-model';

describe('DepartmentSpoke', () => {
  const config = defaultConfig();
  const [dpo, td, fehd] = config.departments;
  const app = unitTestApp();
  const single = new PlatformStack(app, 'One', { config, area: 'Dept-DPO' });
  const spoke = new DepartmentSpoke(single, 'Network', { config, department: dpo });
  const several = new PlatformStack(app, 'Several', { config, area: 'Depts' });
  for (const department of [dpo, td, fehd]) new DepartmentSpoke(several, department.code, { config, department, publishParameters: false });
  const model = new TemplateModel(single);
  const severalModel = new TemplateModel(several);

  it("splits the department's block into an app and a data tier in every zone", () => {
    expect(model.only('AWS::EC2::VPC')[1].Properties.CidrBlock).toBe(dpo.cidr);
    const subnets = model.ofType('AWS::EC2::Subnet').map(([, r]) => [r.Properties.CidrBlock, r.Properties.AvailabilityZone]);
    expect(subnets).toEqual([
      ['10.65.0.0/22', 'ap-east-1a'],
      ['10.65.4.0/22', 'ap-east-1b'],
      ['10.65.8.0/22', 'ap-east-1a'],
      ['10.65.12.0/22', 'ap-east-1b'],
    ]);
    expect(spoke.appSubnets).toHaveLength(2);
    expect(spoke.dataSubnets).toHaveLength(2);
  });

  it('attaches the app subnets to the Transit Gateway in the departments segment', () => {
    const [, attachment] = model.only('AWS::EC2::TransitGatewayVpcAttachment');
    expect(attachment.Properties.SubnetIds).toEqual(
      spoke.appSubnets.map((s) => ({ Ref: single.getLogicalId(s.node.defaultChild as never) })),
    );
    expect(model.ssmName(attachment.Properties.TransitGatewayId)).toBe('/gcp/network/transit-gateway-id');
  });

  it('adds no function and no custom-resource provider of its own', () => {
    expect(model.ofType('AWS::Lambda::Function')).toEqual([]);
    expect(model.ofType('AWS::IAM::Role')).toEqual([]);
    const [, closer] = model.only('Custom::VpcRestrictDefaultSG');
    expect(model.ssmName(closer.Properties.ServiceToken)).toBe('/gcp/network/lookup-service-token');
    expect(closer.Properties.DefaultSecurityGroupId).toEqual({ 'Fn::GetAtt': [model.only('AWS::EC2::VPC')[0], 'DefaultSecurityGroup'] });
  });

  it('stays small: under 50 resources for two zones', () => {
    expect(Object.keys(model.resources).length).toBeLessThan(50);
  });

  it('reads each hub value once per stack, however many spokes it holds', () => {
    const imports = (stack: PlatformStack) => stack.node.children.filter((c) => c.node.id.startsWith('Ssm')).length;
    expect(severalModel.ofType('AWS::EC2::VPC')).toHaveLength(3);
    expect(severalModel.reads()).toEqual(model.reads());
    expect(imports(several)).toBe(model.reads().length);
    expect(imports(several)).toBe(imports(single));
  });

  it('admits the platform, the data centre and replies into the app tier, and only the VPC into the data tier', () => {
    const entries = model.ofType('AWS::EC2::NetworkAclEntry').map(([, r]) => r.Properties);
    const ingress = (acl: string) =>
      entries
        .filter((e) => e.NetworkAclId.Ref.includes(acl) && !e.Egress)
        .map((e) => [e.CidrBlock, e.Protocol, e.PortRange ?? 'all'])
        .sort();
    expect(ingress('AppAcl')).toEqual(
      [
        [config.platform.cidr, -1, 'all'],
        ...config.onPremises.ranges.map((r) => [r, -1, 'all']),
        ['0.0.0.0/0', 6, { From: 1024, To: 3388 }],
        ['0.0.0.0/0', 6, { From: 3390, To: 65535 }],
      ].sort(),
    );
    expect(ingress('DataAcl')).toEqual([[dpo.cidr, -1, 'all']]);
    const dataEgress = entries.filter((e) => e.NetworkAclId.Ref.includes('DataAcl') && e.Egress).map((e) => e.CidrBlock);
    expect(dataEgress).toEqual([dpo.cidr]);
  });

  it('publishes the parameters the platform catalogue lists for the department network', () => {
    const listed = buildCatalogue(config)
      .departments.find((d) => d.code === dpo.code)
      ?.network.parameters.map((p) => p.parameter);
    expect(Object.keys(model.published()).sort()).toEqual([...(listed ?? [])].sort());
    expect(severalModel.published()).toEqual({});
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(single)).toEqual([]);
    expect(unacknowledgedFindings(several)).toEqual([]);
  });
});
