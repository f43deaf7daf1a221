import { Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { AWS_DELIVERY, NOTIFY_ENVIRONMENT } from '../../lambda/notify/routes';
import { acknowledge, wildcardResourceFinding } from '../compliance/acknowledge';
import type { ServiceFunction } from '../constructs/service-function';
import { NOTIFY_EMAIL_EVENTS, notifyEmailEventPattern } from './notify-email-stack';

export interface NotifyDeliveryProps {
  /** Sends the messages: through SES v2 and SNS. */
  readonly sender: ServiceFunction;
  /** Applies SES's delivery events to the notifications' statuses. */
  readonly eventHandler: ServiceFunction;
  /** Region whose SES sends e-mail; when not this stack's, its configuration set lives in NotifyEmailStack. */
  readonly emailRegion: string;
  /** Name of the configuration set e-mail is sent under. */
  readonly configurationSetName: string;
}

/**
 * Delivery of notifications in AWS: e-mail through SES v2 from the account's verified
 * identities under a configuration set whose delivery, bounce and rejection events come back
 * through EventBridge to move statuses, and text messages through SNS.
 */
export class NotifyDelivery extends Construct {
  /** The configuration set, when SES is in this stack's region. */
  public readonly configurationSet?: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: NotifyDeliveryProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (props.emailRegion === stack.region) {
      this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
        configurationSetName: props.configurationSetName,
        tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      });
      // SES publishes only to the default bus.
      this.configurationSet.addEventDestination('ToEventBridge', {
        destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
        events: NOTIFY_EMAIL_EVENTS,
      });
    }
    new events.Rule(this, 'DeliveryEvents', {
      description: 'SES delivery events of notifications, to move their statuses',
      eventPattern: notifyEmailEventPattern(props.configurationSetName),
      targets: [new targets.LambdaFunction(props.eventHandler.function, { retryAttempts: 4 })],
    });

    const sender = props.sender;
    sender.function.addEnvironment(NOTIFY_ENVIRONMENT.deliveryProvider, AWS_DELIVERY);
    sender.function.addEnvironment(NOTIFY_ENVIRONMENT.emailConfigurationSet, props.configurationSetName);
    sender.function.addEnvironment(NOTIFY_ENVIRONMENT.emailRegion, props.emailRegion);
    const identities = stack.formatArn({ service: 'ses', region: props.emailRegion, resource: 'identity', resourceName: '*' });
    const configurationSetArn = stack.formatArn({
      service: 'ses',
      region: props.emailRegion,
      resource: 'configuration-set',
      resourceName: props.configurationSetName,
    });
    sender.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: 'SendEmail', actions: ['ses:SendEmail'], resources: [identities, configurationSetArn] }),
    );
    acknowledge(
      sender.role,
      wildcardResourceFinding(sender, identities),
      "Each department's service sends from its own address, verified in SES at onboarding; SES refuses any sender not verified in this account and region, so the grant reaches only those identities.",
    );
    // A text message goes to a phone number, which is not a resource: SNS has none to name, so
    // the publish is allowed on '*' and denied on every SNS ARN (topics, platform applications and
    // their endpoints), which leaves publishing straight to a phone number alone.
    sender.role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'SendSms', actions: ['sns:Publish'], resources: ['*'] }));
    sender.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendSmsOnlyToPhoneNumbers',
        effect: iam.Effect.DENY,
        actions: ['sns:Publish'],
        resources: [`arn:${stack.partition}:sns:*:*:*`],
      }),
    );
    acknowledge(
      sender.role,
      'AwsSolutions-IAM5[Resource::*]',
      "sns:Publish to a phone number has no resource ARN, so it can only be granted on '*'; the grant is publish alone, an explicit deny on every SNS ARN keeps it from topics and platform endpoints, the function publishes only to the recipient of a checked notification, and SNS spend limits cap the account's SMS.",
    );
  }
}
