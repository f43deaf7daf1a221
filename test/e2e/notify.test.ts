import { randomUUID } from 'node:crypto';
import { createService, issueApiKey, saveTemplate } from '../../lambda/notify/app/admin';
import { createNotifyPorts, localSecretBoxKey } from '../../lambda/notify/compose';
import { notifyService } from '../../lambda/notify/routes';
import { DEMO_EMAIL_TEMPLATE_ID, DEMO_SMS_TEMPLATE_ID, DEMO_TEAM_MEMBER } from '../../lambda/notify/seed';
import { RecordingProvider } from '../../lambda/notify/store/recording-provider';
import { call, useLocalPlatform } from '../helpers/local-platform';

const { NotifyClient } = require('notifications-node-client');
const createGovukNotifyToken: (
  method: string,
  path: string,
  secret: string,
  serviceId: string,
) => string = require('notifications-node-client/client/authentication.js');

type ClientError = { response: { status: number; data: unknown } };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: ClientError) => err.response,
  );

const personalisation = { name: 'Chan', licence_type: 'hawker', expiry_date: '1 May 2026', has_fee_waiver: 'yes' };

/**
 * The official notifications-node-client, unchanged, against local mode's `/notify`: the real
 * routes, runtime, authorizer and error format, with the demo key the seed prints.
 */
describe('notifications over HTTP in local mode', () => {
  const platform = useLocalPlatform(['notify']);
  const baseUrl = () => `${platform.current.url}/notify`;
  const demoKey = () => {
    const line = platform.current.seedNotes.find((l) => l.startsWith('notify: demo service')) ?? '';
    return line.split(' ').at(-1) ?? '';
  };
  const client = () => new NotifyClient(baseUrl(), demoKey());
  /** A token for a raw request, made the way the client makes it. */
  const bearer = (key: string, method: string, path: string) =>
    `Bearer ${createGovukNotifyToken(method, path, key.slice(-36), key.slice(-73, -37))}`;

  it('prints a demo key that the official client can use', () => {
    expect(demoKey()).toMatch(/-[0-9a-f-]{36}-[0-9a-f-]{36}$/);
  });

  it('sends an e-mail and a text message, then reads them back by id and in a list', async () => {
    const reference = `e2e-${randomUUID()}`;
    const email = await client().sendEmail(DEMO_EMAIL_TEMPLATE_ID, DEMO_TEAM_MEMBER.emailAddress, { personalisation, reference });
    expect(email.status).toBe(201);
    expect(email.data).toMatchObject({
      reference,
      content: { subject: 'Your hawker licence is due for renewal', from_email: 'demo.service@notify.example.gov.hk' },
      uri: `${baseUrl()}/v2/notifications/${email.data.id}`,
      template: { id: DEMO_EMAIL_TEMPLATE_ID, version: 1, uri: `${baseUrl()}/v2/template/${DEMO_EMAIL_TEMPLATE_ID}/version/1` },
    });
    expect(email.data.content.body).toContain('You do not need to pay a renewal fee this year.');

    const sms = await client().sendSms(DEMO_SMS_TEMPLATE_ID, '9123 4567', {
      personalisation: { office: 'Wan Chai', date: '3 May', reference_number: 'A1' },
    });
    expect(sms.status).toBe(201);
    expect(sms.data.content).toEqual({
      body: 'Your appointment at Wan Chai is confirmed for 3 May. Reference A1.',
      from_number: 'DPO',
    });

    // Local mode's recording provider reports every message delivered at once.
    const byId = await client().getNotificationById(email.data.id);
    expect(byId.data).toMatchObject({ id: email.data.id, type: 'email', status: 'delivered', reference });
    const smsById = await client().getNotificationById(sms.data.id);
    expect(smsById.data).toMatchObject({ type: 'sms', phone_number: '9123 4567', status: 'delivered' });

    const list = await client().getNotifications('email', null, reference, null);
    expect(list.data.notifications.map((n: { id: string }) => n.id)).toEqual([email.data.id]);
    expect(list.data.links.current).toBe(`${baseUrl()}/v2/notifications?template_type=email&reference=${reference}`);
  });

  it('reads templates, a version, the list, and previews one', async () => {
    const template = await client().getTemplateById(DEMO_SMS_TEMPLATE_ID);
    expect(template.data).toMatchObject({ id: DEMO_SMS_TEMPLATE_ID, type: 'sms', version: 1 });
    expect(template.data.personalisation).toEqual({
      office: { required: true },
      date: { required: true },
      reference_number: { required: true },
    });
    expect((await client().getTemplateByIdAndVersion(DEMO_EMAIL_TEMPLATE_ID, 1)).data.subject).toBe(
      'Your ((licence_type)) licence is due for renewal',
    );
    const all = await client().getAllTemplates('sms');
    expect(all.data.templates.map((t: { id: string }) => t.id)).toEqual([DEMO_SMS_TEMPLATE_ID]);
    const preview = await client().previewTemplateById(DEMO_EMAIL_TEMPLATE_ID, personalisation);
    expect(preview.data).toMatchObject({
      subject: 'Your hawker licence is due for renewal',
      html: expect.stringContaining('<p'),
    });
  });

  it('names a missing personalisation field in a 400, and sends nothing', async () => {
    const reference = `missing-${randomUUID()}`;
    const error = await failure(
      client().sendEmail(DEMO_EMAIL_TEMPLATE_ID, DEMO_TEAM_MEMBER.emailAddress, { personalisation: { name: 'Chan' }, reference }),
    );
    expect(error.status).toBe(400);
    expect(error.data).toEqual({
      status_code: 400,
      errors: [{ error: 'BadRequestError', message: 'Missing personalisation: licence_type, expiry_date, has_fee_waiver' }],
    });
    expect((await client().getNotifications(null, null, reference, null)).data.notifications).toEqual([]);
  });

  it("answers a bad token, and no token, with Notify's AuthError body", async () => {
    const wrongSecret = demoKey().replace(/.{36}$/, randomUUID());
    const denied = await failure(new NotifyClient(baseUrl(), wrongSecret).getAllTemplates());
    expect(denied).toMatchObject({
      status: 403,
      data: { status_code: 403, errors: [{ error: 'AuthError', message: 'Invalid token: API key not found' }] },
    });
    const unknownService = await failure(new NotifyClient(baseUrl(), `x-${randomUUID()}-${randomUUID()}`).getAllTemplates());
    expect(unknownService.data).toEqual({
      status_code: 403,
      errors: [{ error: 'AuthError', message: 'Invalid token: service not found' }],
    });

    const none = await call(platform.current, 'GET', '/notify/v2/templates');
    expect(none.status).toBe(401);
    expect(none.json).toEqual({
      status_code: 401,
      errors: [{ error: 'AuthError', message: 'Unauthorized: authentication token must be provided' }],
    });
    const basic = await call(platform.current, 'GET', '/notify/v2/templates', { headers: { authorization: 'Basic abc' } });
    expect(basic.json).toEqual({
      status_code: 401,
      errors: [{ error: 'AuthError', message: 'Unauthorized: authentication bearer scheme must be used' }],
    });
  });

  it("refuses a request its schemas refuse with Notify's ValidationError messages", async () => {
    const path = '/notify/v2/notifications/email';
    const res = await call(platform.current, 'POST', path, {
      headers: { authorization: bearer(demoKey(), 'POST', path) },
      body: { email_address: 'a@example.com', template_id: 'not-a-uuid', colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual(
      expect.arrayContaining([
        { error: 'ValidationError', message: 'template_id is not a valid UUID' },
        { error: 'ValidationError', message: 'Additional properties are not allowed (colour was unexpected)' },
      ]),
    );
    const malformed = await call(platform.current, 'POST', path, {
      headers: { authorization: bearer(demoKey(), 'POST', path) },
      body: '{"email_address":',
    });
    expect(malformed.json).toEqual({
      status_code: 400,
      errors: [{ error: 'BadRequestError', message: 'Invalid JSON supplied in POST data' }],
    });
    const badId = await call(platform.current, 'GET', '/notify/v2/notifications/123', {
      headers: { authorization: bearer(demoKey(), 'GET', '/notify/v2/notifications/123') },
    });
    expect(badId.json).toEqual({
      status_code: 400,
      errors: [{ error: 'ValidationError', message: 'notification_id is not a valid UUID' }],
    });
  });

  it('makes a send safe to retry with an Idempotency-Key', async () => {
    const path = '/notify/v2/notifications/sms';
    const body = {
      phone_number: '+852 9123 4567',
      template_id: DEMO_SMS_TEMPLATE_ID,
      personalisation: { office: 'Sha Tin', date: '9 May', reference_number: 'B2' },
    };
    const send = (key: string, payload: object) =>
      call(platform.current, 'POST', path, {
        headers: { authorization: bearer(demoKey(), 'POST', path), 'idempotency-key': key },
        body: payload,
      });
    const key = `retry-${randomUUID()}`;
    const first = await send(key, body);
    const again = await send(key, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    const other = await send(key, { ...body, personalisation: { ...body.personalisation, date: '10 May' } });
    expect(other.status).toBe(409);
    expect(other.json.errors[0].error).toBe('ConflictError');
  });

  it("keeps each department's notifications and templates to itself", async () => {
    const ports = createNotifyPorts({ secretBoxKey: localSecretBoxKey(), provider: new RecordingProvider() });
    const td = await createService(
      {
        id: randomUUID(),
        name: 'TD licensing',
        departmentCode: 'TD',
        active: true,
        restricted: false,
        emailFrom: 'licensing@notify.example.gov.hk',
        emailReplyTo: [],
        smsSenders: [],
        teamMembers: [],
        guestList: [],
        canSendInternationalSms: false,
        dailyLimit: 1000,
        rateLimitPerMinute: 3000,
        retentionDays: 7,
      },
      ports,
    );
    const tdKey = (await issueApiKey({ serviceId: td.id, name: 'td live', type: 'live', createdBy: 'officer@td.example.gov.hk' }, ports))
      .text;
    const tdTemplate = await saveTemplate(
      { serviceId: td.id, type: 'sms', name: 'Reminder', body: 'Your test is on ((date)).', createdBy: 'officer@td.example.gov.hk' },
      ports,
    );
    const tdClient = new NotifyClient(baseUrl(), tdKey);
    const tdSms = await tdClient.sendSms(tdTemplate.id, '9876 5432', { personalisation: { date: '1 June' } });

    const dpoEmail = await client().sendEmail(DEMO_EMAIL_TEMPLATE_ID, DEMO_TEAM_MEMBER.emailAddress, { personalisation });
    const notFound = { status_code: 404, errors: [{ error: 'NoResultFound', message: 'No result found' }] };
    expect(await failure(tdClient.getNotificationById(dpoEmail.data.id))).toMatchObject({ status: 404, data: notFound });
    expect(await failure(tdClient.getTemplateById(DEMO_EMAIL_TEMPLATE_ID))).toMatchObject({ status: 404, data: notFound });
    expect(await failure(client().getNotificationById(tdSms.data.id))).toMatchObject({ status: 404 });
    const tdList = await tdClient.getNotifications(null, null, null, null);
    expect(tdList.data.notifications.map((n: { id: string }) => n.id)).toEqual([tdSms.data.id]);
    const templateSend = await failure(tdClient.sendEmail(DEMO_EMAIL_TEMPLATE_ID, 'a@example.com', { personalisation }));
    expect(templateSend.data).toEqual({ status_code: 400, errors: [{ error: 'BadRequestError', message: 'Template not found' }] });
  });

  it('serves Notify at the root of its own port, as its clients expect, with every link under that root', async () => {
    const root = platform.current.serviceUrls.notify;
    const own = new NotifyClient(root, demoKey());
    const routes = notifyService.routes;
    const reference = `own-port-${randomUUID()}`;
    const email = await own.sendEmail(DEMO_EMAIL_TEMPLATE_ID, DEMO_TEAM_MEMBER.emailAddress, { personalisation, reference });
    expect(routes.sendEmail.response.parse(email.data)).toMatchObject({
      uri: `${root}/v2/notifications/${email.data.id}`,
      template: { uri: `${root}/v2/template/${DEMO_EMAIL_TEMPLATE_ID}/version/1` },
    });
    const sms = await own.sendSms(DEMO_SMS_TEMPLATE_ID, '9123 4567', {
      personalisation: { office: 'Tsuen Wan', date: '5 May', reference_number: 'C3' },
      reference,
    });
    expect(routes.sendSms.response.parse(sms.data).uri).toBe(`${root}/v2/notifications/${sms.data.id}`);
    const byId = await own.getNotificationById(email.data.id);
    expect(routes.getNotification.response.parse(byId.data).template.uri).toBe(`${root}/v2/template/${DEMO_EMAIL_TEMPLATE_ID}/version/1`);

    // Every page with notifications links to the next; the page after the last is empty and links nowhere.
    const page = await own.getNotifications(null, null, reference, null);
    expect(routes.listNotifications.response.parse(page.data).notifications.map((n) => n.id)).toEqual([sms.data.id, email.data.id]);
    expect(page.data.links).toEqual({
      current: `${root}/v2/notifications?reference=${reference}`,
      next: `${root}/v2/notifications?older_than=${email.data.id}&reference=${reference}`,
    });
    const next = await fetch(page.data.links.next, { headers: { authorization: bearer(demoKey(), 'GET', '/v2/notifications') } });
    expect(await next.json()).toEqual({ notifications: [], links: { current: page.data.links.next } });

    const templates = await own.getAllTemplates();
    expect(routes.listTemplates.response.parse(templates.data).templates.length).toBeGreaterThanOrEqual(2);
    expect(routes.getTemplate.response.parse((await own.getTemplateById(DEMO_SMS_TEMPLATE_ID)).data).version).toBe(1);
    expect(routes.getTemplateVersion.response.parse((await own.getTemplateByIdAndVersion(DEMO_SMS_TEMPLATE_ID, 1)).data).type).toBe('sms');
    const preview = await own.previewTemplateById(DEMO_EMAIL_TEMPLATE_ID, personalisation);
    expect(routes.previewTemplate.response.parse(preview.data).html).toContain('<p');
    const received = await own.getReceivedTexts();
    expect(routes.listReceivedTexts.response.parse(received.data)).toEqual({
      received_text_messages: [],
      links: { current: `${root}/v2/received-text-messages` },
    });

    const letter = await failure(own.sendPrecompiledLetter(reference, Buffer.from('%PDF-1.7\n%%EOF\n'), 'second'));
    expect(letter).toMatchObject({
      status: 400,
      data: { status_code: 400, errors: [{ error: 'BadRequestError', message: 'Service is not allowed to send letters' }] },
    });
    const badTemplate = await failure(own.getTemplateById('not-a-template'));
    expect(badTemplate.data).toEqual({ status_code: 400, errors: [{ error: 'ValidationError', message: 'id is not a valid UUID' }] });
    // The service's paths start at its own root there: its base path is no part of them.
    expect((await failure(new NotifyClient(`${root}/notify`, demoKey()).getAllTemplates())).status).toBe(404);
  });

  it('serves its OpenAPI document', async () => {
    const res = await call(platform.current, 'GET', '/notify/openapi.json');
    expect(res.json.paths['/notify/v2/notifications/email'].post.security).toEqual([{ 'notify-jwt': [] }]);
  });
});
