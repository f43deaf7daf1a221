/**
 * What delivers a message. SES and SNS adapters implement it in AWS; local mode and tests use
 * the recording provider. A provider that throws leaves the notification in technical-failure.
 */
export interface EmailMessage {
  readonly notificationId: string;
  readonly to: string;
  readonly from: string;
  readonly replyTo?: string;
  readonly subject: string;
  readonly body: string;
  readonly html: string;
  readonly oneClickUnsubscribeUrl?: string;
}

export interface SmsMessage {
  readonly notificationId: string;
  /** E.164. */
  readonly to: string;
  readonly sender: string;
  readonly body: string;
}

export interface ProviderReceipt {
  /** The provider's id of the message, to match its delivery events later. */
  readonly providerReference: string;
  /** The final outcome, for providers that know it at once (the recording provider in local mode). */
  readonly outcome?: 'delivered' | 'permanent-failure' | 'temporary-failure';
}

export interface DeliveryProvider {
  sendEmail(message: EmailMessage): Promise<ProviderReceipt>;
  sendSms(message: SmsMessage): Promise<ProviderReceipt>;
}
