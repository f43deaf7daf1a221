import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SERVICES } from '../../lambda/registry';
import { NotifyEmailStack } from '../../lib/services/notify-email-stack';
import { ServiceStack } from '../../lib/services/service-stack';
import { defaultConfig, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('Notify e-mail through SES of the permitted secondary region', () => {
  const config = defaultConfig();
  const app = unitTestApp();
  const emailRegion = config.notify.emailRegion as string;
  const email = new NotifyEmailStack(app, 'NotifyEmail', { config, emailRegion });
  const notify = new ServiceStack(app, 'Notify', {
    config,
    service: SERVICES.notify,
    vpc: (scope) =>
      ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
        vpcId: 'vpc-1',
        availabilityZones: ['ap-east-1a', 'ap-east-1b'],
        isolatedSubnetIds: ['s-1', 's-2'],
      }),
  });
  const emailTemplate = Template.fromStack(email);
  const notifyTemplate = Template.fromStack(notify);

  it('is a region the config permits, not the platform region', () => {
    expect(emailRegion).not.toBe(config.platform.region);
    expect(emailRegion).toBe(config.platform.permittedSecondaryRegion);
    expect(email.region).toBe(emailRegion);
  });

  it('keeps the configuration set in the e-mail region and forwards its events to the platform region', () => {
    emailTemplate.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: 'gcp-notify', DeliveryOptions: { TlsPolicy: 'REQUIRE' } });
    emailTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.ses'], detail: { mail: { tags: { 'ses:configuration-set': ['gcp-notify'] } } } }),
      Targets: [
        Match.objectLike({
          Arn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(`:events:${config.platform.region}:`)])] }),
        }),
      ],
    });
    notifyTemplate.resourceCountIs('AWS::SES::ConfigurationSet', 0);
  });

  it("lets the forwarder put events on the platform region's default bus only", () => {
    emailTemplate.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'events:PutEvents',
            Resource: Match.objectLike({
              'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(`:events:${config.platform.region}:`)])],
            }),
          },
        ],
      },
    });
  });

  it('tells the sender which region and configuration set to use, and grants SES there only', () => {
    notifyTemplate.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ NOTIFY_EMAIL_REGION: emailRegion, NOTIFY_EMAIL_CONFIGURATION_SET: 'gcp-notify' }) },
    });
    const policies = JSON.stringify(notifyTemplate.findResources('AWS::IAM::ManagedPolicy'));
    expect(policies).toContain(`:ses:${emailRegion}:`);
  });

  it('passes all four compliance packs', () => {
    expect(unacknowledgedFindings(email)).toEqual([]);
    expect(unacknowledgedFindings(notify)).toEqual([]);
  });
});
