import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SERVICES } from '../../lambda/registry';
import { validateConfig } from '../../lib/config/load';
import type { PlatformConfig } from '../../lib/config/schema';
import { ServiceStack } from '../../lib/services/service-stack';
import { SharedServicesStack } from '../../lib/shared-services/shared-services-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

const ZONE = 'Z0123456789ABCDEFGHIJ';
const withDomain = (domain: object): PlatformConfig => {
  const config = defaultConfig();
  return { ...config, platform: { ...config.platform, domain: { name: 'services.example.gov.hk', ...domain } } };
};
const vpc = (scope: import('constructs').Construct) =>
  ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
    vpcId: 'vpc-1',
    availabilityZones: ['ap-east-1a', 'ap-east-1b'],
    isolatedSubnetIds: ['s-1', 's-2'],
  });

describe('the services domain', () => {
  const app = unitTestApp();
  const config = withDomain({ hostedZoneId: ZONE });
  const shared = new SharedServicesStack(app, 'SharedServices', { config });
  const notify = new ServiceStack(app, 'Notify', { config, service: SERVICES.notify, vpc });
  const internal = new ServiceStack(app, 'Cert', { config, service: SERVICES.cert, vpc, internal: true });
  const sharedTemplate = Template.fromStack(shared);
  const notifyTemplate = Template.fromStack(notify);

  it('gets a certificate of *.<domain>, validated in the hosted zone, and the shared host api.<domain>', () => {
    sharedTemplate.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: '*.services.example.gov.hk',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: '*.services.example.gov.hk', HostedZoneId: ZONE }],
    });
    sharedTemplate.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.services.example.gov.hk',
      SecurityPolicy: 'TLS_1_2',
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
    sharedTemplate.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.services.example.gov.hk.',
      Type: 'A',
      HostedZoneId: ZONE,
    });
  });

  it('serves a public service at the root of its own host and at its base path on the shared host', () => {
    notifyTemplate.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'notify.services.example.gov.hk',
      SecurityPolicy: 'TLS_1_2',
    });
    const mappings = Object.values(notifyTemplate.findResources('AWS::ApiGateway::BasePathMapping')).map((m) => m.Properties);
    expect(mappings).toHaveLength(2);
    expect(mappings).toContainEqual(expect.objectContaining({ DomainName: 'api.services.example.gov.hk', BasePath: 'notify' }));
    // Both map the same API and stage.
    expect(new Set(mappings.map((m) => JSON.stringify([m.RestApiId, m.Stage]))).size).toBe(1);
    expect(mappings.filter((m) => m.BasePath === undefined || m.BasePath === '')).toHaveLength(1);
    notifyTemplate.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'notify.services.example.gov.hk.', Type: 'A' });
  });

  it('gives an internal service no public host', () => {
    Template.fromStack(internal).resourceCountIs('AWS::ApiGateway::DomainName', 0);
    Template.fromStack(internal).resourceCountIs('AWS::ApiGateway::BasePathMapping', 0);
  });

  it('leaves no finding of the four packs', () => {
    expect(unacknowledgedFindings(shared)).toEqual([]);
    expect(unacknowledgedFindings(notify)).toEqual([]);
  });

  it('uses a certificate it is given instead of making one', () => {
    const arn = 'arn:aws:acm:ap-east-1:111122223333:certificate/0b6f6f2e-3a52-4a8e-9c59-0d2f4f7f6f11';
    const given = Template.fromStack(new SharedServicesStack(unitTestApp(), 'Given', { config: withDomain({ certificateArn: arn }) }));
    given.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    given.hasResourceProperties('AWS::ApiGateway::DomainName', { RegionalCertificateArn: arn });
    given.resourceCountIs('AWS::Route53::RecordSet', 0);
  });

  it('is refused in the config without a zone or a certificate', () => {
    const config = withDomain({});
    expect(() => validateConfig(config)).toThrow(/give hostedZoneId .* or certificateArn/);
  });

  it('is left out by the default config: nothing to map', () => {
    expect(defaultConfig().platform.domain).toBeUndefined();
    Template.fromStack(new SharedServicesStack(unitTestApp(), 'Plain', { config: defaultConfig() })).resourceCountIs(
      'AWS::ApiGateway::DomainName',
      0,
    );
  });
});
