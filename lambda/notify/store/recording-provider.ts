import type { DeliveryProvider, EmailMessage, ProviderReceipt, SmsMessage } from '../ports';

export type RecordedMessage = ({ readonly kind: 'email' } & EmailMessage) | ({ readonly kind: 'sms' } & SmsMessage);

export interface RecordingProviderOptions {
  /** Report every message delivered at once, as local mode wants. @default false - messages stay `sending` */
  readonly deliverImmediately?: boolean;
  /** Recipients for which the provider fails, to exercise technical failures. @default - none */
  readonly failFor?: (recipient: string) => boolean;
}

/** Keeps every message it is given instead of sending it: for local mode and tests. */
export class RecordingProvider implements DeliveryProvider {
  readonly messages: RecordedMessage[] = [];

  constructor(private readonly options: RecordingProviderOptions = {}) {}

  async sendEmail(message: EmailMessage): Promise<ProviderReceipt> {
    return this.record({ kind: 'email', ...message });
  }

  async sendSms(message: SmsMessage): Promise<ProviderReceipt> {
    return this.record({ kind: 'sms', ...message });
  }

  /** Messages sent to one recipient, oldest first. */
  sentTo(recipient: string): RecordedMessage[] {
    return this.messages.filter((m) => m.to === recipient);
  }

  private record(message: RecordedMessage): ProviderReceipt {
    if (this.options.failFor?.(message.to)) throw new Error(`Recording provider refused ${message.kind} ${message.notificationId}`);
    this.messages.push(message);
    return {
      providerReference: `recorded-${message.notificationId}`,
      ...(this.options.deliverImmediately ? { outcome: 'delivered' as const } : {}),
    };
  }
}
