import fc from 'fast-check';
import { CALLBACK_RETRY_POLICY, type CallbackDelivery, deliveryReceipt } from '../../../lambda/notify/domain/callbacks';
import { EMAIL_STATUSES, type Notification, SMS_STATUSES } from '../../../lambda/notify/domain/model';
import { applyDeliveryEvent, type DeliveryEventKind, isFinal, nextStatus, simulatedEvents } from '../../../lambda/notify/domain/status';
import { retryDelaySeconds, afterAttempt as sharedAfterAttempt } from '../../../lambda/shared/outbox';

/** Notify's callback back-off, as the outbox applies it. */
const callbackRetryDelaySeconds = (failedAttempts: number) => retryDelaySeconds(CALLBACK_RETRY_POLICY, failedAttempts);
const afterAttempt = (delivery: CallbackDelivery, status: number | undefined, now: Date) =>
  sharedAfterAttempt(delivery, status, now, CALLBACK_RETRY_POLICY);

const EVENTS: DeliveryEventKind[] = [
  'handed-to-provider',
  'pending',
  'delivered',
  'sent-international',
  'permanent-failure',
  'temporary-failure',
  'technical-failure',
];

const base: Notification = {
  id: '5b2f0a7e-9c1d-4e3f-8a6b-7c8d9e0f1a2b',
  serviceId: 's',
  departmentCode: 'DPO',
  apiKeyId: 'k',
  keyType: 'live',
  type: 'email',
  templateId: 't',
  templateVersion: 3,
  to: 'a@b.gov.hk',
  normalisedTo: 'a@b.gov.hk',
  reference: 'ref-1',
  body: 'b',
  status: 'created',
  createdAt: '2026-03-01T09:00:00.000Z',
  sentAt: null,
  completedAt: null,
  expiresAt: 0,
};

describe('delivery status model', () => {
  it('no sequence of provider events leaves an illegal status or leaves a final one (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'email' | 'sms'>('email', 'sms'),
        fc.array(fc.constantFrom(...EVENTS), { maxLength: 12 }),
        (type, events) => {
          let n: Notification = { ...base, type };
          let clock = Date.parse(base.createdAt);
          for (const event of events) {
            const before = n;
            clock += 1000;
            n = applyDeliveryEvent(n, { kind: event }, new Date(clock)).notification;
            expect((type === 'email' ? (EMAIL_STATUSES as readonly string[]) : SMS_STATUSES).includes(n.status)).toBe(true);
            if (isFinal(before.status)) expect(n).toBe(before);
          }
          expect(n.completedAt !== null).toBe(isFinal(n.status));
          if (n.status !== 'created' && n.status !== 'technical-failure') expect(n.sentAt).not.toBeNull();
        },
      ),
    );
  });

  it('lets only text messages pass through pending or end as sent', () => {
    expect(nextStatus('email', 'sending', 'pending')).toBeUndefined();
    expect(nextStatus('sms', 'sending', 'pending')).toBe('pending');
    expect(nextStatus('email', 'sending', 'sent-international')).toBeUndefined();
    expect(nextStatus('sms', 'pending', 'sent-international')).toBe('sent');
  });

  it("simulates a test key's message: delivered, or failing for Notify's simulator addresses", () => {
    expect(simulatedEvents(base).map((e) => e.kind)).toEqual(['handed-to-provider', 'delivered']);
    expect(simulatedEvents({ ...base, normalisedTo: 'temp-fail@simulator.notify' }).at(-1)?.kind).toBe('temporary-failure');
    expect(simulatedEvents({ ...base, normalisedTo: 'perm-fail@simulator.notify' }).at(-1)?.kind).toBe('permanent-failure');
  });
});

describe('status callbacks', () => {
  it("writes the receipt with Notify's fields", () => {
    const done = { ...base, status: 'delivered' as const, sentAt: '2026-03-01T09:00:01.000Z', completedAt: '2026-03-01T09:00:05.500Z' };
    expect(deliveryReceipt(done)).toEqual({
      id: base.id,
      reference: 'ref-1',
      to: 'a@b.gov.hk',
      status: 'delivered',
      created_at: '2026-03-01T09:00:00.000000Z',
      completed_at: '2026-03-01T09:00:05.500000Z',
      sent_at: '2026-03-01T09:00:01.000000Z',
      notification_type: 'email',
      template_id: 't',
      template_version: 3,
    });
  });

  it('backs off 1, 2, 4, 8 and 16 minutes, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6].map(callbackRetryDelaySeconds)).toEqual([60, 120, 240, 480, 960, undefined]);
  });

  it('reschedules a failed attempt, and settles on a 2xx or after the last retry', () => {
    const now = new Date('2026-03-01T09:00:00Z');
    const pending: CallbackDelivery = {
      id: 'c',
      serviceId: 's',
      notificationId: 'n',
      payload: '{}',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: '',
      createdAt: '',
    };
    const failed = afterAttempt(pending, 503, now);
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, lastResponseStatus: 503, nextAttemptAt: '2026-03-01T09:01:00.000Z' });
    expect(afterAttempt(failed, 204, now)).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(afterAttempt({ ...pending, attempts: 5 }, undefined, now)).toMatchObject({ state: 'abandoned', attempts: 6 });
  });
});
