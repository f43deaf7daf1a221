import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import { deliveryProviderFromEnvironment } from '../../../lambda/notify/compose';
import { sesDeliveryEvent } from '../../../lambda/notify/domain/ses-events';
import type { EmailMessage, SmsMessage } from '../../../lambda/notify/ports';
import { RecordingProvider } from '../../../lambda/notify/store/recording-provider';
import { sendWithSes } from '../../../lambda/notify/store/ses-email';
import { sendWithSns, snsSenderId } from '../../../lambda/notify/store/sns-sms';

/** A client that keeps the input of each command it is sent and answers with a message id. */
function fakeClient<C>(messageId: string | null = 'provider-123') {
  const inputs: Record<string, unknown>[] = [];
  const client = {
    send: async (command: { input: Record<string, unknown> }) => {
      inputs.push(command.input);
      return { MessageId: messageId ?? undefined };
    },
  };
  return { client: client as unknown as C, inputs };
}

const email: EmailMessage = {
  notificationId: 'n-1',
  to: 'citizen@example.com',
  from: 'licensing@notify.example.gov.hk',
  replyTo: 'enquiries@td.example.gov.hk',
  subject: 'Renew your licence',
  body: 'Dear Chan',
  html: '<p>Dear Chan</p>',
};
const sms: SmsMessage = { notificationId: 'n-2', to: '+85291234567', sender: 'TD', body: 'Your test is on 1 June.' };

describe('SES e-mail delivery', () => {
  it('sends text and HTML from the service address, tagged with the notification id', async () => {
    const { client, inputs } = fakeClient<SESv2Client>();
    await expect(sendWithSes(client, email, { configurationSet: 'notify-events' })).resolves.toEqual({ providerReference: 'provider-123' });
    expect(inputs[0]).toMatchObject({
      FromEmailAddress: email.from,
      Destination: { ToAddresses: [email.to] },
      ReplyToAddresses: [email.replyTo],
      Content: { Simple: { Subject: { Data: email.subject }, Body: { Text: { Data: 'Dear Chan' }, Html: { Data: '<p>Dear Chan</p>' } } } },
      EmailTags: [{ Name: 'notificationId', Value: 'n-1' }],
      ConfigurationSetName: 'notify-events',
    });
    expect((inputs[0].Content as { Simple: { Headers?: unknown } }).Simple.Headers).toBeUndefined();
  });

  it('adds one-click unsubscribe headers when the message has a link', async () => {
    const { client, inputs } = fakeClient<SESv2Client>();
    await sendWithSes(client, { ...email, oneClickUnsubscribeUrl: 'https://td.example.gov.hk/unsubscribe?u=1' });
    expect((inputs[0].Content as { Simple: { Headers: unknown } }).Simple.Headers).toEqual([
      { Name: 'List-Unsubscribe', Value: '<https://td.example.gov.hk/unsubscribe?u=1>' },
      { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('fails when SES gives no message id, so the notification becomes a technical failure', async () => {
    await expect(sendWithSes(fakeClient<SESv2Client>(null).client, email)).rejects.toThrow(/without a message id/);
  });
});

describe('SNS text message delivery', () => {
  it('publishes a transactional SMS to the number with the sender id', async () => {
    const { client, inputs } = fakeClient<SNSClient>();
    await expect(sendWithSns(client, sms)).resolves.toEqual({ providerReference: 'provider-123' });
    expect(inputs[0]).toEqual({
      PhoneNumber: '+85291234567',
      Message: 'Your test is on 1 June.',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'TD' },
      },
    });
  });

  it.each([
    ['TD', 'TD'],
    ['Food & Hygiene Dept', 'FoodHygiene'],
    ['12345', undefined],
    ['', undefined],
  ])('makes %j a valid SNS sender id (%j) or leaves it out', (sender, expected) => {
    expect(snsSenderId(sender)).toBe(expected);
  });
});

describe('delivery provider from the environment', () => {
  it('records messages, delivered at once, unless the stack chose AWS', async () => {
    const local = deliveryProviderFromEnvironment({});
    expect(local).toBeInstanceOf(RecordingProvider);
    await expect(local.sendSms(sms)).resolves.toMatchObject({ outcome: 'delivered' });
    expect(deliveryProviderFromEnvironment({ NOTIFY_DELIVERY_PROVIDER: 'aws' })).not.toBeInstanceOf(RecordingProvider);
  });
});

describe('SES delivery events', () => {
  const tagged = (eventType: string, extra: object = {}) => ({ eventType, mail: { tags: { notificationId: ['n-1'] } }, ...extra });

  it.each([
    [tagged('Delivery'), 'delivered'],
    [tagged('Bounce', { bounce: { bounceType: 'Permanent' } }), 'permanent-failure'],
    [tagged('Bounce', { bounce: { bounceType: 'Transient' } }), 'temporary-failure'],
    [tagged('Reject'), 'technical-failure'],
    [tagged('Rendering Failure'), 'technical-failure'],
  ])('move the tagged notification: %j is %s', (detail, kind) => {
    expect(sesDeliveryEvent(detail)).toEqual({ notificationId: 'n-1', event: { kind } });
  });

  it('change nothing when untagged or of another kind', () => {
    expect(sesDeliveryEvent({ eventType: 'Delivery', mail: { tags: {} } })).toBeUndefined();
    expect(sesDeliveryEvent(tagged('Complaint'))).toBeUndefined();
    expect(sesDeliveryEvent(tagged('Open'))).toBeUndefined();
  });
});
