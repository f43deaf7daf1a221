import * as path from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { PlatformKey } from '../../lib/constructs/platform-key';
import { ServiceFunction } from '../../lib/constructs/service-function';
import { SharedServicesNetworkStack } from '../../lib/network/shared-services-stack';
import { importServiceFunctionSecurityGroup, importSharedServicesVpc } from '../../lib/network/shared-services-vpc';
import { PlatformStack } from '../../lib/platform-stack';
import { defaultConfig, unitTestApp } from '../helpers/platform';
import { TemplateModel } from './network-model';

const SAMPLE_HANDLER = path.join(__dirname, '..', 'constructs', 'fixtures', 'sample-handler.ts');

describe('the shared-services VPC', () => {
  const config = defaultConfig();
  const zones = config.platform.availabilityZones;
  const app = unitTestApp();
  const producer = new SharedServicesNetworkStack(app, 'SharedServicesNetwork', { config });

  const consumer = new PlatformStack(app, 'Service', { config, area: 'Service-Test' });
  const vpc = importSharedServicesVpc(consumer, config);
  const again = importSharedServicesVpc(consumer, config);
  const securityGroup = importServiceFunctionSecurityGroup(consumer, config);
  const key = new PlatformKey(consumer, 'Key', { purpose: 'test', allowCloudWatchLogs: true });
  new ServiceFunction(consumer, 'Api', {
    entry: SAMPLE_HANDLER,
    description: 'sample',
    encryptionKey: key,
    vpc,
    securityGroups: [securityGroup],
    logRetention: consumer.logRetention,
  });
  const produced = new TemplateModel(producer);
  const consumed = new TemplateModel(consumer);

  it('publishes the VPC, a subnet and a route table per zone, and the function security group', () => {
    const published = produced.published();
    expect(Object.keys(published).sort()).toEqual(
      [
        '/gcp/network/shared-services/vpc-id',
        '/gcp/network/shared-services/function-security-group-id',
        ...zones.map((az) => `/gcp/network/shared-services/subnets/${az}`),
        ...zones.map((az) => `/gcp/network/shared-services/route-tables/${az}`),
      ].sort(),
    );
    const subnetIds = zones.map((az) => (published[`/gcp/network/shared-services/subnets/${az}`] as { Ref: string }).Ref);
    const subnetZones = subnetIds.map((id) => produced.resources[id].Properties.AvailabilityZone);
    expect(subnetZones).toEqual(zones);
  });

  it('gives other stacks an IVpc with one subnet per configured zone, read from those parameters', () => {
    expect(again).toBe(vpc);
    expect(vpc.privateSubnets).toHaveLength(zones.length);
    expect(vpc.availabilityZones).toEqual(zones);
    const [, fn] = consumed.only('AWS::Lambda::Function');
    expect(fn.Properties.VpcConfig.SubnetIds.map((s: unknown) => consumed.ssmName(s))).toEqual(
      zones.map((az) => `/gcp/network/shared-services/subnets/${az}`),
    );
    expect(fn.Properties.VpcConfig.SecurityGroupIds.map((s: unknown) => consumed.ssmName(s))).toEqual([
      '/gcp/network/shared-services/function-security-group-id',
    ]);
  });

  it('imports the subnets without unacknowledged warnings, and no parameter it does not use', () => {
    Annotations.fromStack(consumer).hasNoWarning('*', Match.anyValue());
    expect(vpc.privateSubnets.map((s) => consumer.resolve(s.subnetId))).toHaveLength(zones.length);
    expect(consumed.reads().length).toBeGreaterThan(0);
    expect(consumed.reads().filter((n) => n.includes('/route-tables/'))).toEqual([]);
  });

  it('lets functions out on HTTPS only, and nothing in', () => {
    const [, group] = produced
      .ofType('AWS::EC2::SecurityGroup')
      .find(([, r]) => String(r.Properties.GroupDescription).startsWith('Service functions')) ?? [[], undefined];
    expect(group.Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
    ]);
    expect(group.Properties.SecurityGroupIngress).toBeUndefined();
  });

  it('is a spoke: app subnets default to the Transit Gateway, in the shared-services segment', () => {
    for (const r of produced.subnetRoutes('App'))
      expect(produced.ssmName(r.properties.TransitGatewayId)).toBe('/gcp/network/transit-gateway-id');
    const [, association] = produced.only('AWS::EC2::TransitGatewayRouteTableAssociation');
    expect(produced.ssmName(association.Properties.TransitGatewayRouteTableId)).toBe('/gcp/network/route-tables/shared-services');
  });
});
