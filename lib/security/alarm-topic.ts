import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { KEY_ACTIONS_FOR_DELIVERY, PlatformKey } from '../constructs/platform-key';

export interface AlarmTopicProps {
  /** Address subscribed to every alarm. */
  readonly email: string;
}

/** The KMS-encrypted SNS topic every platform alarm notifies, with the operators' e-mail. */
export class AlarmTopic extends Construct {
  public readonly topic: sns.Topic;
  public readonly key: PlatformKey;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.key = new PlatformKey(this, 'Key', { purpose: 'Encrypts platform alarm notifications' });
    // CloudWatch alarms and EventBridge rules publish to the topic and need the key to do so.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmPublishers',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('events.amazonaws.com')],
        actions: KEY_ACTIONS_FOR_DELIVERY,
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Platform alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
  }
}
