import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ssmReads } from '../helpers/ssm-parameters';

/** A synthesized template, with the lookups network tests need across stacks. */
export class TemplateModel {
  public readonly json: any;

  constructor(public readonly stack: Stack) {
    this.json = Template.fromStack(stack).toJSON();
  }

  get resources(): Record<string, any> {
    return this.json.Resources ?? {};
  }

  /** Resources of a CloudFormation type, by logical id. */
  ofType(type: string): Array<[string, any]> {
    return Object.entries(this.resources).filter(([, r]) => r.Type === type);
  }

  /** The only resource of a type; fails when there are none or several. */
  only(type: string): [string, any] {
    const found = this.ofType(type);
    if (found.length !== 1) throw new Error(`${this.stack.stackName} has ${found.length} ${type}, expected 1`);
    return found[0];
  }

  /**
   * The SSM parameter name behind a value: a dynamic reference (`{{resolve:ssm:…}}`) or a
   * reference to an SSM-typed template parameter.
   */
  ssmName(value: unknown): string | undefined {
    if (typeof value === 'string') return /^\{\{resolve:ssm:([^}]+)\}\}$/.exec(value)?.[1];
    const ref = (value as { Ref?: string } | undefined)?.Ref;
    const parameter = ref ? this.json.Parameters?.[ref] : undefined;
    return parameter && String(parameter.Type).startsWith('AWS::SSM::Parameter::Value') ? parameter.Default : undefined;
  }

  /** Every SSM parameter name the stack reads, once each, sorted. */
  reads(): string[] {
    return ssmReads(this.json);
  }

  /** SSM parameters this stack publishes: name → value expression. */
  published(): Record<string, unknown> {
    return Object.fromEntries(this.ofType('AWS::SSM::Parameter').map(([, r]) => [r.Properties.Name, r.Properties.Value]));
  }

  /** Transit Gateway routes: the route table's SSM name (or local value), destination and target. */
  transitRoutes(): Array<{ routeTable: unknown; destination: string; attachment: unknown; blackhole: boolean }> {
    return this.ofType('AWS::EC2::TransitGatewayRoute').map(([, r]) => ({
      routeTable: this.ssmName(r.Properties.TransitGatewayRouteTableId) ?? r.Properties.TransitGatewayRouteTableId,
      destination: r.Properties.DestinationCidrBlock,
      attachment: r.Properties.TransitGatewayAttachmentId,
      blackhole: r.Properties.Blackhole === true,
    }));
  }

  /** The routes of the subnets of one tier (by the `aws-cdk:subnet-name` tag), with their targets. */
  subnetRoutes(tier: string): Array<{ subnet: string; destination: string; properties: any }> {
    const subnets = this.ofType('AWS::EC2::Subnet')
      .filter(([, r]) => (r.Properties.Tags ?? []).some((t: any) => t.Key === 'aws-cdk:subnet-name' && t.Value === tier))
      .map(([id]) => id);
    const tables = new Map(
      this.ofType('AWS::EC2::SubnetRouteTableAssociation')
        .filter(([, r]) => subnets.includes(r.Properties.SubnetId.Ref))
        .map(([, r]) => [r.Properties.RouteTableId.Ref, r.Properties.SubnetId.Ref]),
    );
    if (tables.size === 0) throw new Error(`${this.stack.stackName} has no subnets in tier ${tier}`);
    return this.ofType('AWS::EC2::Route')
      .filter(([, r]) => tables.has(r.Properties.RouteTableId.Ref))
      .map(([, r]) => ({
        subnet: tables.get(r.Properties.RouteTableId.Ref) as string,
        destination: r.Properties.DestinationCidrBlock,
        properties: r.Properties,
      }));
  }
}
