import type { App } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { SES_EVENT_DETAIL_TYPES } from '../../lambda/notify/domain/ses-events';
import type { PlatformConfig } from '../config/schema';
import { ManagedPolicyRole } from '../constructs/managed-policy-role';
import { PlatformStack, type PlatformStackProps } from '../platform-stack';

/** Name of the SES configuration set the notifications service sends under. */
export function notifyConfigurationSetName(prefix: string): string {
  return `${prefix}-notify`;
}

/** The SES events that move a notification's status. */
export const NOTIFY_EMAIL_EVENTS = [
  ses.EmailSendingEvent.DELIVERY,
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.RENDERING_FAILURE,
];

/** Events of the notifications' configuration set, as EventBridge carries them. */
export function notifyEmailEventPattern(configurationSetName: string): events.EventPattern {
  return {
    source: ['aws.ses'],
    detailType: [...SES_EVENT_DETAIL_TYPES],
    detail: { mail: { tags: { 'ses:configuration-set': [configurationSetName] } } },
  };
}

export type NotifyEmailStackProps = Omit<PlatformStackProps, 'area' | 'region'> & {
  /** The region whose SES sends e-mail, where this stack lives. */
  readonly emailRegion: string;
};

/**
 * SES where the platform region has none: the configuration set the notifications service sends
 * under, and a rule sending its delivery events back to the platform region's default event bus,
 * where the service moves notification statuses. Only message metadata (ids, statuses) returns;
 * nothing is stored in this region.
 */
export class NotifyEmailStack extends PlatformStack {
  public readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: NotifyEmailStackProps) {
    super(scope, id, {
      ...props,
      area: 'Notify-Email',
      region: props.emailRegion,
      classification: 'RESTRICTED',
      description: 'SES configuration set of the notifications service, in the region whose SES sends e-mail',
    });
    const name = notifyConfigurationSetName(this.config.platform.prefix);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: name,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.configurationSet.addEventDestination('ToEventBridge', {
      // SES publishes only to the default bus of its own region.
      destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: NOTIFY_EMAIL_EVENTS,
    });
    const platformBusArn = this.formatArn({
      service: 'events',
      region: this.config.platform.region,
      resource: 'event-bus',
      resourceName: 'default',
    });
    // The rule's target grants the role events:PutEvents on that one bus.
    const forwarder = new ManagedPolicyRole(this, 'ForwarderRole', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      description: "Forwards SES delivery events to the platform region's default event bus",
    });
    new events.Rule(this, 'ToPlatformRegion', {
      description: 'SES delivery events of notifications, to the platform region',
      eventPattern: notifyEmailEventPattern(name),
      targets: [new targets.EventBus(events.EventBus.fromEventBusArn(this, 'PlatformBus', platformBusArn), { role: forwarder })],
    });
  }
}

/** The e-mail stack, when the config sends e-mail through SES of another region than the platform's. */
export function notifyEmailStacks(app: App, config: PlatformConfig): NotifyEmailStack[] {
  const emailRegion = config.notify.emailRegion;
  if (!emailRegion || emailRegion === config.platform.region) return [];
  return [new NotifyEmailStack(app, 'Notify-Email', { config, emailRegion })];
}
