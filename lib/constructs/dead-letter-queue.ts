import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from '../compliance/acknowledge';

export interface DeadLetterQueueProps {
  /** Key encrypting the messages. */
  readonly encryptionKey: kms.IKey;
  /** Whose failures land here, and who is told: completes "the dead-letter queue of …". */
  readonly of: string;
}

/**
 * Where events that could not be processed wait, KMS-encrypted, TLS-only, kept 14 days and
 * retained: nothing is dropped silently. Being the last stop, it has no dead-letter queue of its
 * own, which the packs and Control Tower ask of every other queue.
 */
export class DeadLetterQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this,
      ['AwsSolutions-SQS3', 'ControlTower::CT.SQS.PR.1'],
      `This queue is itself the dead-letter queue of ${props.of}; a message here stays 14 days and raises an alarm.`,
    );
  }
}
