import { Match, Template } from 'aws-cdk-lib/assertions';
import { SERVICES } from '../../lambda/registry';
import { FIGURES_DICTIONARY } from '../../lambda/usage/domain/dictionary';
import { eventPartition } from '../../lambda/usage/domain/events';
import { dailyFiguresSchema } from '../../lambda/usage/domain/schemas';
import { usageService } from '../../lambda/usage/routes';
import { ServiceStack } from '../../lib/services/service-stack';
import { EVENT_PARTITIONS } from '../../lib/services/usage-event-stream';
import { defaultConfig, testVpc, unacknowledgedFindings, unitTestApp } from '../helpers/platform';

describe('ServiceStack of usage', () => {
  const stack = new ServiceStack(unitTestApp(), 'Usage', { config: defaultConfig(), service: SERVICES.usage, vpc: testVpc });
  const template = Template.fromStack(stack);

  it('delivers the beacon’s events through an encrypted Firehose stream, partitioned as local mode writes them', () => {
    template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamType: 'DirectPut',
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'CUSTOMER_MANAGED_CMK', KeyARN: Match.anyValue() },
      ExtendedS3DestinationConfiguration: Match.objectLike({
        Prefix: EVENT_PARTITIONS,
        CompressionFormat: 'GZIP',
        DynamicPartitioningConfiguration: { Enabled: true, RetryOptions: { DurationInSeconds: 300 } },
        EncryptionConfiguration: { KMSEncryptionConfig: { AWSKMSKeyARN: Match.anyValue() } },
      }),
    });
    const filled = EVENT_PARTITIONS.replace('!{partitionKeyFromQuery:kind}', 'page_view')
      .replace('!{partitionKeyFromQuery:date}', '2026-03-01')
      .replace('!{partitionKeyFromQuery:service}', 'td-parking');
    expect(filled).toBe(eventPartition('page_view', '2026-03-01', 'td-parking'));
  });

  it('lets the delivery role only put objects, never read or delete them', () => {
    const policies = template.findResources('AWS::IAM::ManagedPolicy');
    const statements = Object.values(policies).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Sid?: string; Action: string[] }[],
    );
    const delivery = statements.find((s) => s.Sid === 'DeliverEvents');
    expect(delivery?.Action).toEqual(expect.arrayContaining(['s3:PutObject']));
    expect(delivery?.Action.some((a) => /Get(Object)|Delete|\*/.test(a))).toBe(false);
  });

  it('names the stream to the functions, lets them put records, and counts the day before at 01:00 Hong Kong time', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [usageService.environment.eventStream]: Match.anyValue() }) },
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'] })]) },
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 17 * * ? *)' });
  });

  it('documents every published column in the data dictionary', () => {
    expect(FIGURES_DICTIONARY.map((f) => f.name).sort()).toEqual(Object.keys(dailyFiguresSchema.shape).sort());
  });

  it('has no unacknowledged compliance finding', () => {
    expect(unacknowledgedFindings(stack)).toEqual([]);
  });
});
