import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { EmailMessage, ProviderReceipt } from '../ports';

export interface SesEmailOptions {
  /** Configuration set whose event destinations report deliveries and bounces. @default - none */
  readonly configurationSet?: string;
}

/**
 * Sends an e-mail through SES v2 as text and HTML, with the notification id as a message tag
 * so SES's delivery events can be matched back to it.
 */
export async function sendWithSes(client: SESv2Client, message: EmailMessage, options: SesEmailOptions = {}): Promise<ProviderReceipt> {
  const unsubscribe = message.oneClickUnsubscribeUrl
    ? [
        { Name: 'List-Unsubscribe', Value: `<${message.oneClickUnsubscribeUrl}>` },
        { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
      ]
    : [];
  const sent = await client.send(
    new SendEmailCommand({
      FromEmailAddress: message.from,
      Destination: { ToAddresses: [message.to] },
      ReplyToAddresses: message.replyTo ? [message.replyTo] : undefined,
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: message.body, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
          Headers: unsubscribe.length > 0 ? unsubscribe : undefined,
        },
      },
      EmailTags: [{ Name: 'notificationId', Value: message.notificationId }],
      ConfigurationSetName: options.configurationSet,
    }),
  );
  if (!sent.MessageId) throw new Error(`SES accepted notification ${message.notificationId} without a message id`);
  return { providerReference: sent.MessageId };
}
