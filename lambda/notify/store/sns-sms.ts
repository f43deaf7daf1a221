import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { ProviderReceipt, SmsMessage } from '../ports';

/** SNS takes a sender id of 1 to 11 letters and digits, with at least one letter. */
export function snsSenderId(sender: string): string | undefined {
  const id = sender.replace(/[^A-Za-z0-9]/g, '').slice(0, 11);
  return /[A-Za-z]/.test(id) ? id : undefined;
}

/** Sends a text message through SNS as a transactional SMS, with the service's sender id where it is a valid one. */
export async function sendWithSns(client: SNSClient, message: SmsMessage): Promise<ProviderReceipt> {
  const senderId = snsSenderId(message.sender);
  const sent = await client.send(
    new PublishCommand({
      PhoneNumber: message.to,
      Message: message.body,
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        ...(senderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: senderId } } : {}),
      },
    }),
  );
  if (!sent.MessageId) throw new Error(`SNS accepted notification ${message.notificationId} without a message id`);
  return { providerReference: sent.MessageId };
}
