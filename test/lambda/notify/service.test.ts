import { randomUUID } from 'node:crypto';
import { issueApiKey, revokeApiKey, saveTemplate } from '../../../lambda/notify/app/admin';
import { callerContext, callerFromContext } from '../../../lambda/notify/app/authenticate';
import { dispatchDueCallbacks, recordDeliveryEvent } from '../../../lambda/notify/app/delivery';
import { getNotification, listNotifications, sendEmail, sendLetter, sendSms } from '../../../lambda/notify/app/notifications';
import { getTemplate, getTemplateVersion, listTemplates, previewTemplate } from '../../../lambda/notify/app/templates';
import { notificationListResponse, receivedTextListResponse } from '../../../lambda/notify/domain/responses';
import { listNotificationsQuerySchema } from '../../../lambda/notify/domain/schemas';
import { parseNotify } from '../../../lambda/notify/domain/validation';
import { storage as notifyStorage } from '../../../lambda/notify/storage';
import type { HttpError } from '../../../lambda/shared/errors';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { type DemoService, embeddedDefinition, NotifyWorld, rejection } from './fixtures';

const BASE = 'https://api.example.gov.hk/notify';
const options = { baseUrl: BASE };

describe('notifications service on embedded storage', () => {
  useEmbeddedStorage('notify', embeddedDefinition(notifyStorage));
  const world = new NotifyWorld();
  let td: DemoService;

  beforeAll(async () => {
    td = await world.service();
  });

  const email = (to: string, extra: object = {}) => ({
    email_address: to,
    template_id: td.emailTemplateId,
    personalisation: { name: 'Chan', licence: 'driving licence' },
    ...extra,
  });

  describe('authorizer context', () => {
    it('passes the caller on as strings and reloads it, refusing a key revoked meanwhile', async () => {
      const issued = await issueApiKey(
        { serviceId: td.service.id, name: 'temporary', type: 'team', createdBy: 'officer@td.example.gov.hk' },
        world.ports,
      );
      const caller = await world.caller(issued.text);
      const context = callerContext(caller);
      expect(context).toEqual({ serviceId: td.service.id, apiKeyId: issued.id, apiKeyType: 'team' });
      expect(await callerFromContext(context, world.ports)).toEqual(caller);
      await revokeApiKey(td.service.id, issued.id, world.ports);
      expect((await rejection(callerFromContext(context, world.ports))).errors).toEqual([
        { error: 'AuthError', message: 'Invalid token: API key revoked' },
      ]);
      expect((await rejection(world.caller(issued.text))).errors[0].message).toBe('Invalid token: API key revoked');
    });
  });

  describe('sending', () => {
    it("sends an e-mail with a live key and answers with Notify's body", async () => {
      const caller = await td.caller('live');
      const sent = await sendEmail(email('Someone@Example.com', { reference: 'case-1' }), caller, world.ports, options);
      expect(sent.statusCode).toBe(201);
      expect(sent.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        reference: 'case-1',
        content: {
          body: 'Dear Chan, renew your driving licence.',
          subject: 'Renew your driving licence',
          from_email: 'td@notify.example.gov.hk',
        },
        uri: `${BASE}/v2/notifications/${sent.body.id}`,
        template: { id: td.emailTemplateId, version: 1, uri: `${BASE}/v2/template/${td.emailTemplateId}/version/1` },
        scheduled_for: null,
      });
      expect(world.provider.sentTo('someone@example.com')).toEqual([
        expect.objectContaining({
          kind: 'email',
          replyTo: 'enquiry@td.example.gov.hk',
          html: '<p>Dear Chan, renew your driving licence.</p>',
        }),
      ]);
      const got = await getNotification(sent.body.id, caller, world.ports, options);
      expect(got.body).toMatchObject({
        id: sent.body.id,
        type: 'email',
        status: 'sending',
        email_address: 'Someone@Example.com',
        phone_number: null,
        line_1: null,
      });
      expect(got.body.sent_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    });

    it('sends a text message to a Hong Kong number written any way', async () => {
      const sent = await sendSms(
        { phone_number: '5123 4567', template_id: td.smsTemplateId, personalisation: { date: '3 March' } },
        await td.caller('live'),
        world.ports,
        options,
      );
      expect(sent.body.content).toEqual({ body: 'Appointment on 3 March.', from_number: 'TD' });
      expect(world.provider.sentTo('+85251234567')).toHaveLength(1);
      const got = await getNotification(sent.body.id, await td.caller('live'), world.ports, options);
      expect(got.body).toMatchObject({ phone_number: '5123 4567', email_address: null, cost_details: { billable_sms_fragments: 1 } });
    });

    it('refuses an international number unless the service allows them', async () => {
      const body = await rejection(
        sendSms(
          { phone_number: '+44 7700 900123', template_id: td.smsTemplateId, personalisation: { date: 'x' } },
          await td.caller('live'),
          world.ports,
          options,
        ),
      );
      expect(body.errors).toEqual([{ error: 'BadRequestError', message: 'Cannot send to international mobile numbers' }]);
    });

    it('names every missing personalisation and sends nothing', async () => {
      const before = world.provider.messages.length;
      const body = await rejection(
        sendEmail(
          { email_address: 'a@example.com', template_id: td.emailTemplateId, personalisation: { NAME: 'x' } },
          await td.caller('live'),
          world.ports,
          options,
        ),
      );
      expect(body).toEqual({ status_code: 400, errors: [{ error: 'BadRequestError', message: 'Missing personalisation: licence' }] });
      expect(world.provider.messages).toHaveLength(before);
    });

    it('refuses unknown templates and templates of the other kind', async () => {
      const caller = await td.caller('live');
      expect(
        (await rejection(sendEmail(email('a@example.com', { template_id: randomUUID() }), caller, world.ports, options))).errors[0].message,
      ).toBe('Template not found');
      expect(
        (await rejection(sendEmail(email('a@example.com', { template_id: td.smsTemplateId }), caller, world.ports, options))).errors[0]
          .message,
      ).toBe('sms template is not suitable for email notification');
    });

    it('refuses a reply-to id the service does not have', async () => {
      const id = randomUUID();
      const body = await rejection(
        sendEmail(email('a@example.com', { email_reply_to_id: id }), await td.caller('live'), world.ports, options),
      );
      expect(body.errors[0].message).toBe(`email_reply_to_id ${id} does not exist in database for service id ${td.service.id}`);
    });

    it('marks a message the provider refused as a technical failure', async () => {
      const failing = new NotifyWorld({ failFor: (to) => to === 'broken@example.com' });
      const svc = await failing.service();
      const sent = await sendEmail(
        { email_address: 'broken@example.com', template_id: svc.emailTemplateId, personalisation: { name: 'a', licence: 'b' } },
        await svc.caller('live'),
        failing.ports,
        options,
      );
      expect((await getNotification(sent.body.id, await svc.caller('live'), failing.ports, options)).body.status).toBe('technical-failure');
    });
  });

  describe('key types', () => {
    it('lets a team key send only to the team and the guest list', async () => {
      const caller = await td.caller('team');
      await expect(sendEmail(email('OFFICER@td.example.gov.hk'), caller, world.ports, options)).resolves.toMatchObject({ statusCode: 201 });
      await expect(
        sendSms(
          { phone_number: '+852 6123 4567', template_id: td.smsTemplateId, personalisation: { date: 'x' } },
          caller,
          world.ports,
          options,
        ),
      ).resolves.toMatchObject({
        statusCode: 201,
      });
      const before = world.provider.messages.length;
      const body = await rejection(sendEmail(email('stranger@example.com'), caller, world.ports, options));
      expect(body).toEqual({
        status_code: 400,
        errors: [{ error: 'BadRequestError', message: "Can't send to this recipient using a team-only API key" }],
      });
      expect(world.provider.messages).toHaveLength(before);
    });

    it('keeps a service in trial mode to its team even with a live key', async () => {
      const trial = await world.service({ restricted: true });
      const body = await rejection(
        sendEmail(
          { email_address: 'stranger@example.com', template_id: trial.emailTemplateId, personalisation: { name: 'a', licence: 'b' } },
          await trial.caller('live'),
          world.ports,
          options,
        ),
      );
      expect(body.errors[0].message).toBe("Can't send to this recipient when service is in trial mode");
    });

    it('never delivers a test key message, but moves its status as if it had', async () => {
      const before = world.provider.messages.length;
      const testCaller = await td.caller('test');
      const sent = await sendEmail(email('anyone@example.com'), testCaller, world.ports, options);
      world.advance(1);
      const failed = await sendEmail(email('perm-fail@simulator.notify'), testCaller, world.ports, options);
      expect(world.provider.messages).toHaveLength(before);
      const got = await getNotification(sent.body.id, testCaller, world.ports, options);
      expect(got.body).toMatchObject({ status: 'delivered', sent_at: expect.any(String), completed_at: expect.any(String) });
      expect((await getNotification(failed.body.id, testCaller, world.ports, options)).body.status).toBe('permanent-failure');
      // Test messages are listed only to test keys.
      const forTest = await listNotifications({}, testCaller, world.ports, options);
      const forLive = await listNotifications({}, await td.caller('live'), world.ports, options);
      expect(forTest.body.notifications.map((n) => n.id)).toEqual([failed.body.id, sent.body.id]);
      expect(forLive.body.notifications.map((n) => n.id)).not.toContain(sent.body.id);
    });
  });

  describe('limits', () => {
    it('answers 429 RateLimitError past the per-key rate, and recovers a minute later', async () => {
      const limited = await world.service({ rateLimitPerMinute: 3 });
      const caller = await limited.caller('live');
      const send = () =>
        sendEmail(
          { email_address: 'a@example.com', template_id: limited.emailTemplateId, personalisation: { name: 'a', licence: 'b' } },
          caller,
          world.ports,
          options,
        );
      world.now = new Date('2026-03-02T02:00:00Z');
      for (let i = 0; i < 3; i++) await send();
      expect(await rejection(send())).toEqual({
        status_code: 429,
        errors: [{ error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE of 3 requests per 60 seconds' }],
      });
      world.advance(125);
      await expect(send()).resolves.toMatchObject({ statusCode: 201 });
    });

    it('counts a letter against the rate, as Notify counts every send, before refusing it', async () => {
      const limited = await world.service({ rateLimitPerMinute: 1 });
      const caller = await limited.caller('live');
      const letter = () => sendLetter({ reference: 'letter-1', content: 'JVBERi0=' }, caller, world.ports);
      world.now = new Date('2026-03-02T03:00:00Z');
      expect(await rejection(letter())).toEqual({
        status_code: 400,
        errors: [{ error: 'BadRequestError', message: 'Service is not allowed to send letters' }],
      });
      expect((await rejection(letter())).errors[0].error).toBe('RateLimitError');
    });

    it('answers 429 TooManyRequestsError past the daily limit; test keys are not counted', async () => {
      const small = await world.service({ dailyLimit: 2 });
      const send = async (type: 'live' | 'test') =>
        sendEmail(
          { email_address: 'a@example.com', template_id: small.emailTemplateId, personalisation: { name: 'a', licence: 'b' } },
          await small.caller(type),
          world.ports,
          options,
        );
      await send('live');
      await send('live');
      expect(await rejection(send('live'))).toEqual({
        status_code: 429,
        errors: [{ error: 'TooManyRequestsError', message: 'Exceeded send limits (2) for today' }],
      });
      await expect(send('test')).resolves.toMatchObject({ statusCode: 201 });
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the same body with the original notification, sending once', async () => {
      const caller = await td.caller('live');
      const key = `retry-${randomUUID()}`;
      const first = await sendEmail(email('idem@example.com'), caller, world.ports, { ...options, idempotencyKey: key });
      const again = await sendEmail(email('idem@example.com'), caller, world.ports, { ...options, idempotencyKey: key });
      expect(again).toEqual(first);
      expect(world.provider.sentTo('idem@example.com')).toHaveLength(1);
    });

    it('answers 409 when the key comes back with a different body', async () => {
      const caller = await td.caller('live');
      const key = `retry-${randomUUID()}`;
      await sendEmail(email('idem2@example.com'), caller, world.ports, { ...options, idempotencyKey: key });
      const body = await rejection(sendEmail(email('other@example.com'), caller, world.ports, { ...options, idempotencyKey: key }));
      expect(body).toEqual({
        status_code: 409,
        errors: [{ error: 'ConflictError', message: 'This Idempotency-Key was already used with a different request body' }],
      });
    });

    it('forgets a key after 24 hours', async () => {
      const caller = await td.caller('live');
      const key = `day-${randomUUID()}`;
      const first = await sendEmail(email('day@example.com'), caller, world.ports, { ...options, idempotencyKey: key });
      world.advance(24 * 3600);
      const later = await sendEmail(email('day@example.com'), await td.caller('live'), world.ports, { ...options, idempotencyKey: key });
      expect(later.body.id).not.toBe(first.body.id);
    });

    it('sends once when the same request arrives many times at once', async () => {
      const caller = await td.caller('live');
      const key = `burst-${randomUUID()}`;
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => sendEmail(email('burst@example.com'), caller, world.ports, { ...options, idempotencyKey: key })),
      );
      const ids = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.body.id] : [])));
      expect(ids.size).toBe(1);
      expect(world.provider.sentTo('burst@example.com')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as HttpError).status).toBe(409);
    });

    it('lets a corrected request reuse the key of one that was refused', async () => {
      const caller = await td.caller('live');
      const key = `fix-${randomUUID()}`;
      await rejection(
        sendEmail({ email_address: 'fix@example.com', template_id: td.emailTemplateId }, caller, world.ports, {
          ...options,
          idempotencyKey: key,
        }),
      );
      await expect(sendEmail(email('fix@example.com'), caller, world.ports, { ...options, idempotencyKey: key })).resolves.toMatchObject({
        statusCode: 201,
      });
    });
  });

  describe('reading', () => {
    it("keeps each department's notifications to itself", async () => {
      const other = await world.service({ departmentCode: 'IRD' });
      const sent = await sendEmail(email('private@example.com'), await td.caller('live'), world.ports, options);
      expect(await rejection(getNotification(sent.body.id, await other.caller('live'), world.ports, options))).toEqual({
        status_code: 404,
        errors: [{ error: 'NoResultFound', message: 'No result found' }],
      });
      const theirs = await listNotifications({}, await other.caller('live'), world.ports, options);
      expect(theirs.body.notifications).toEqual([]);
    });

    it("says which id is not a UUID in Notify's words: a notification's is notification_id, a template's id", async () => {
      const caller = await td.caller('live');
      expect((await rejection(getNotification('1234-badly-formatted-id-7890', caller, world.ports, options))).errors).toEqual([
        { error: 'ValidationError', message: 'notification_id is not a valid UUID' },
      ]);
      expect((await rejection(getTemplate('nope', caller, world.ports))).errors).toEqual([
        { error: 'ValidationError', message: 'id is not a valid UUID' },
      ]);
      expect((await rejection(getTemplateVersion(td.emailTemplateId, '0', caller, world.ports))).errors).toEqual([
        { error: 'ValidationError', message: 'version 0 is less than the minimum of 1' },
      ]);
    });

    it('forgets notifications after the retention period', async () => {
      const short = await world.service({ retentionDays: 1 });
      const caller = await short.caller('live');
      const sent = await sendEmail(
        { email_address: 'a@example.com', template_id: short.emailTemplateId, personalisation: { name: 'a', licence: 'b' } },
        caller,
        world.ports,
        options,
      );
      world.advance(24 * 3600 + 1);
      expect((await rejection(getNotification(sent.body.id, await short.caller('live'), world.ports, options))).status_code).toBe(404);
    });

    it('filters lists by type, status (failed meaning every failure) and reference, and links pages', async () => {
      const svc = await world.service();
      const caller = await svc.caller('live');
      const a = await sendEmail(
        {
          email_address: 'a@example.com',
          template_id: svc.emailTemplateId,
          personalisation: { name: 'a', licence: 'b' },
          reference: 'batch-1',
        },
        caller,
        world.ports,
        options,
      );
      world.advance(1);
      const b = await sendSms(
        { phone_number: '91234567', template_id: svc.smsTemplateId, personalisation: { date: 'x' }, reference: 'batch-1' },
        caller,
        world.ports,
        options,
      );
      world.advance(1);
      const c = await sendEmail(
        {
          email_address: 'c@example.com',
          template_id: svc.emailTemplateId,
          personalisation: { name: 'a', licence: 'b' },
          reference: 'batch-2',
        },
        caller,
        world.ports,
        options,
      );
      await recordDeliveryEvent(c.body.id, { kind: 'temporary-failure' }, world.ports);

      const list = async (query: Record<string, unknown>) =>
        (await listNotifications(parseNotify(listNotificationsQuerySchema, query), caller, world.ports, options)).body;
      expect((await list({})).notifications.map((n) => n.id)).toEqual([c.body.id, b.body.id, a.body.id]);
      expect((await list({ template_type: 'sms' })).notifications.map((n) => n.id)).toEqual([b.body.id]);
      // Letters are never sent here: asking for them alone finds none, and with texts, the texts.
      expect(await list({ template_type: 'letter' })).toEqual({
        notifications: [],
        links: { current: `${BASE}/v2/notifications?template_type=letter` },
      });
      expect((await list({ template_type: ['letter', 'sms'] })).notifications.map((n) => n.id)).toEqual([b.body.id]);
      expect((await list({ status: 'failed' })).notifications.map((n) => n.id)).toEqual([c.body.id]);
      expect((await list({ reference: 'batch-1', status: ['sending', 'delivered'] })).notifications.map((n) => n.id)).toEqual([
        b.body.id,
        a.body.id,
      ]);
      expect((await list({ older_than: b.body.id })).notifications.map((n) => n.id)).toEqual([a.body.id]);
      expect((await list({ template_type: 'sms', status: ['sending'] })).links).toEqual({
        current: `${BASE}/v2/notifications?template_type=sms&status=sending`,
        next: `${BASE}/v2/notifications?older_than=${b.body.id}&template_type=sms&status=sending`,
      });

      const live = { testMessages: false, liveAt: Math.floor(world.now.getTime() / 1000) };
      const page = await world.ports.notifications.list(svc.service.id, live, 2);
      expect(page.map((n) => n.id)).toEqual([c.body.id, b.body.id]);
    });

    it('links every page that has notifications to the next, as Notify does, and the page after the last to none', async () => {
      const svc = await world.service();
      const caller = await svc.caller('live');
      const sent = await sendSms(
        { phone_number: '91234567', template_id: svc.smsTemplateId, personalisation: { date: 'x' } },
        caller,
        world.ports,
        options,
      );
      const list = async (query: Record<string, unknown>) =>
        (await listNotifications(parseNotify(listNotificationsQuerySchema, query), caller, world.ports, options)).body;
      const last = await list({ include_jobs: 'True' });
      expect(last.notifications.map((n) => n.id)).toEqual([sent.body.id]);
      expect(last.links).toEqual({
        current: `${BASE}/v2/notifications?include_jobs=True`,
        next: `${BASE}/v2/notifications?older_than=${sent.body.id}&include_jobs=True`,
      });
      const after = await list({ include_jobs: 'True', older_than: sent.body.id });
      expect(after).toEqual({
        notifications: [],
        links: { current: `${BASE}/v2/notifications?older_than=${sent.body.id}&include_jobs=True` },
      });
    });

    it('fills a page with notifications still within retention, skipping those past it', async () => {
      const svc = await world.service();
      const send = async () =>
        sendSms(
          { phone_number: '91234567', template_id: svc.smsTemplateId, personalisation: { date: 'x' } },
          await svc.caller('live'),
          world.ports,
          options,
        );
      const kept = await send();
      // Sent while the service keeps notifications a day only, these two expire before the first.
      await world.ports.directory.putService({ ...svc.service, retentionDays: 1 });
      world.advance(1);
      await send();
      world.advance(1);
      await send();
      world.advance(24 * 3600);
      const newest = await send();
      const live = { testMessages: false, liveAt: Math.floor(world.now.getTime() / 1000) };
      const page = await world.ports.notifications.list(svc.service.id, live, 2);
      expect(page.map((n) => n.id)).toEqual([newest.body.id, kept.body.id]);
    });

    it('links a page of received text messages to the next as Notify does', () => {
      const message = {
        id: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
        user_number: '+85291234567',
        notify_number: '+85230000000',
        content: 'STOP',
        created_at: '2026-03-02T01:00:00.000000Z',
        service_id: td.service.id,
      };
      expect(receivedTextListResponse([message], BASE).links).toEqual({
        current: `${BASE}/v2/received-text-messages`,
        next: `${BASE}/v2/received-text-messages?older_than=${message.id}`,
      });
    });

    it("names a filter value Notify does not know in Notify's words, given once or in a list", () => {
      const refused = (query: Record<string, unknown>) => {
        try {
          parseNotify(listNotificationsQuerySchema, query);
        } catch (err) {
          return (err as HttpError).details;
        }
        throw new Error('expected the query to be refused');
      };
      expect(refused({ template_type: 'fax' })).toEqual([
        { error: 'ValidationError', message: 'template_type fax is not one of [sms, email, letter]' },
      ]);
      expect(refused({ status: ['sent', 'lost'], include_jobs: 'yes' })).toEqual([
        { error: 'ValidationError', message: expect.stringMatching(/^status lost is not one of \[cancelled, created, /) },
        { error: 'ValidationError', message: 'include_jobs yes is not one of [true, True]' },
      ]);
    });

    it('builds the next link from the last notification of the page, naming it first, before a reference that may be a UUID', () => {
      const n = { id: 'n-last', type: 'email', createdAt: '2026-03-02T01:00:00.000Z' } as never;
      expect(notificationListResponse([n], { status: ['delivered'] }, BASE).links).toEqual({
        current: `${BASE}/v2/notifications?status=delivered`,
        next: `${BASE}/v2/notifications?older_than=n-last&status=delivered`,
      });
      const reference = '5d1c8a2e-7b3f-4e6a-9c0d-2f4b6a8c0e1d';
      const next = notificationListResponse([n], { reference }, BASE).links.next ?? '';
      // The Python client's iterator reads the first UUID of the link as older_than.
      expect(
        /[0-F]{8}-[0-F]{4}-[0-F]{4}-[0-F]{4}-[0-F]{12}/i.exec(next.replace('n-last', '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c'))?.[0],
      ).toBe('3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c');
    });
  });

  describe('templates', () => {
    it("answers a template in Notify's shape, with its placeholders", async () => {
      const got = await getTemplate(td.emailTemplateId, await td.caller('live'), world.ports);
      expect(got.body).toEqual({
        id: td.emailTemplateId,
        name: 'Renewal',
        type: 'email',
        created_at: expect.stringMatching(/Z$/),
        updated_at: null,
        created_by: 'officer@td.example.gov.hk',
        version: 1,
        body: 'Dear ((name)), renew your ((licence)).',
        subject: 'Renew your ((licence))',
        letter_contact_block: null,
        personalisation: { licence: { required: true }, name: { required: true } },
      });
    });

    it('keeps every version', async () => {
      const svc = await world.service();
      await saveTemplate(
        {
          serviceId: svc.service.id,
          id: svc.smsTemplateId,
          type: 'sms',
          name: 'Appointment',
          body: 'Updated ((date)).',
          createdBy: 'b@td.gov.hk',
        },
        world.ports,
      );
      const caller = await svc.caller('live');
      expect((await getTemplate(svc.smsTemplateId, caller, world.ports)).body).toMatchObject({
        version: 2,
        body: 'Updated ((date)).',
        updated_at: expect.any(String),
      });
      expect((await getTemplateVersion(svc.smsTemplateId, '1', caller, world.ports)).body).toMatchObject({
        version: 1,
        body: 'Appointment on ((date)).',
      });
      expect((await rejection(getTemplateVersion(svc.smsTemplateId, 3, caller, world.ports))).status_code).toBe(404);
    });

    it('previews with personalisation, and names what is missing', async () => {
      const caller = await td.caller('live');
      const preview = await previewTemplate(
        td.emailTemplateId,
        { personalisation: { name: '<b>Chan</b>', licence: 'boat' } },
        caller,
        world.ports,
      );
      expect(preview.body).toEqual({
        id: td.emailTemplateId,
        type: 'email',
        version: 1,
        body: 'Dear <b>Chan</b>, renew your boat.',
        subject: 'Renew your boat',
        html: '<p>Dear &lt;b&gt;Chan&lt;/b&gt;, renew your boat.</p>',
      });
      expect((await rejection(previewTemplate(td.emailTemplateId, {}, caller, world.ports))).errors).toEqual([
        { error: 'BadRequestError', message: 'Missing personalisation: licence, name' },
      ]);
    });

    it("lists a service's own templates, by type", async () => {
      const caller = await td.caller('live');
      expect((await listTemplates({}, caller, world.ports)).body.templates.map((t) => t.id).sort()).toEqual(
        [td.emailTemplateId, td.smsTemplateId].sort(),
      );
      expect((await listTemplates({ type: 'sms' }, caller, world.ports)).body.templates.map((t) => t.id)).toEqual([td.smsTemplateId]);
      const other = await world.service();
      expect((await rejection(getTemplate(td.emailTemplateId, await other.caller('live'), world.ports))).status_code).toBe(404);
    });
  });

  describe('delivery events and status callbacks', () => {
    it('moves the status on provider events, ignoring late ones, and posts a receipt with the bearer token', async () => {
      const svc = await world.service({
        deliveryStatusCallback: {
          url: 'https://td.example.gov.hk/notify-receipts',
          sealedBearerToken: world.ports.box.seal('td-callback-token-123'),
        },
      });
      const caller = await svc.caller('live');
      const sent = await sendEmail(
        {
          email_address: 'receipt@example.com',
          template_id: svc.emailTemplateId,
          personalisation: { name: 'a', licence: 'b' },
          reference: 'r-9',
        },
        caller,
        world.ports,
        options,
      );
      await recordDeliveryEvent(sent.body.id, { kind: 'delivered' }, world.ports);
      await recordDeliveryEvent(sent.body.id, { kind: 'permanent-failure' }, world.ports);
      expect((await getNotification(sent.body.id, caller, world.ports, options)).body.status).toBe('delivered');

      world.httpStatus = 503;
      world.posted.length = 0;
      expect(await dispatchDueCallbacks(world.ports)).toMatchObject({ attempted: 1, retrying: 1 });
      expect(await dispatchDueCallbacks(world.ports)).toMatchObject({ attempted: 0 });
      world.advance(60);
      world.httpStatus = 200;
      expect(await dispatchDueCallbacks(world.ports)).toMatchObject({ attempted: 1, delivered: 1 });
      expect(world.posted).toHaveLength(2);
      expect(world.posted[1].url).toBe('https://td.example.gov.hk/notify-receipts');
      expect(world.posted[1].headers.Authorization).toBe('Bearer td-callback-token-123');
      expect(JSON.parse(world.posted[1].body)).toMatchObject({
        id: sent.body.id,
        reference: 'r-9',
        to: 'receipt@example.com',
        status: 'delivered',
        notification_type: 'email',
      });
      world.advance(3600);
      expect(await dispatchDueCallbacks(world.ports)).toMatchObject({ attempted: 0 });
    });
  });
});
