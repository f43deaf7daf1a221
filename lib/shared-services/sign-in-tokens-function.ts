import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SIGN_IN_TOKENS } from '../../lambda/identity/triggers';
import type { PlatformConfig } from '../config/schema';
import { DeadLetterQueue } from '../constructs/dead-letter-queue';
import { ServiceFunction } from '../constructs/service-function';
import { importServiceFunctionSecurityGroup, importSharedServicesVpc } from '../network/shared-services-vpc';
import type { PlatformStack } from '../platform-stack';
import { IDENTITY_PROVIDER_NAMES } from './pool-sign-in';

export interface SignInTokensFunctionProps {
  readonly config: PlatformConfig;
  readonly encryptionKey: kms.IKey;
  /** Where the alarms of the trigger and its queue go. */
  readonly alarmTopic: sns.ITopic;
}

/**
 * The citizen pool's pre-token-generation trigger, which writes the sign-in's assurance level
 * into its tokens and reports each sign-in on a queue the identity service records them from.
 * Cognito waits at most five seconds for it; it reads only the event and sends one message, and
 * its reserved concurrency covers a whole population signing in at once. Its errors, its
 * throttles and a report left in the queue's dead-letter queue raise alarms.
 */
export class SignInTokensFunction extends Construct {
  public readonly fn: ServiceFunction;
  /** Sign-ins reported by the trigger, for the identity service to record. */
  public readonly queue: sqs.Queue;

  constructor(scope: PlatformStack, id: string, props: SignInTokensFunctionProps) {
    super(scope, id);
    const { config, encryptionKey } = props;
    const deadLetters = new DeadLetterQueue(this, 'SignInDeadLetters', { encryptionKey, of: 'the sign-in queue' });
    this.queue = new sqs.Queue(this, 'SignInQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
      // Six times the recording function's timeout, as Lambda's SQS event source asks.
      visibilityTimeout: Duration.minutes(3),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.fn = new ServiceFunction(this, 'Function', {
      entry: SIGN_IN_TOKENS.entry,
      description: SIGN_IN_TOKENS.description,
      encryptionKey,
      vpc: importSharedServicesVpc(scope, config),
      securityGroups: [importServiceFunctionSecurityGroup(scope, config)],
      logRetention: scope.logRetention,
      environment: {
        [SIGN_IN_TOKENS.environment.signInQueueUrl]: this.queue.queueUrl,
        ...(config.identity.identityCard ? { [SIGN_IN_TOKENS.environment.cardProvider]: IDENTITY_PROVIDER_NAMES.identityCard } : {}),
      },
      memorySize: 256,
      timeout: Duration.seconds(5),
      reservedConcurrency: 200,
    });
    // What a producer of an encrypted queue needs, and no more: the data key for each message.
    this.fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
    encryptionKey.grant(this.fn.role, 'kms:GenerateDataKey', 'kms:Decrypt');
    this.alarms(props.alarmTopic, deadLetters);
  }

  private alarms(topic: sns.ITopic, deadLetters: sqs.IQueue): void {
    const period = Duration.minutes(5);
    const alarm = (id: string, metric: cloudwatch.IMetric, description: string) =>
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(new actions.SnsAction(topic));
    const fn = this.fn.function;
    alarm('Errors', fn.metricErrors({ period, statistic: 'Sum' }), 'Citizen sign-in trigger failed: sign-ins were refused');
    alarm('Throttles', fn.metricThrottles({ period, statistic: 'Sum' }), 'Citizen sign-in trigger was throttled: sign-ins were refused');
    alarm(
      'SignInDeadLettersVisible',
      deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      'Sign-ins the identity service could not record are in the dead-letter queue',
    );
  }
}
