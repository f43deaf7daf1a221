import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticateRequest } from '../../../lambda/notify/app/authenticate';
import { getNotification, listNotifications, sendEmail, sendSms } from '../../../lambda/notify/app/notifications';
import { getTemplate, getTemplateVersion, listTemplates, previewTemplate } from '../../../lambda/notify/app/templates';
import { createNotifyPorts, localSecretBoxKey } from '../../../lambda/notify/compose';
import {
  listNotificationsQuerySchema,
  listTemplatesQuerySchema,
  previewTemplateRequestSchema,
  sendEmailRequestSchema,
  sendSmsRequestSchema,
} from '../../../lambda/notify/domain/schemas';
import { parseNotify } from '../../../lambda/notify/domain/validation';
import {
  DEMO_EMAIL_REPLY_TO_ID,
  DEMO_EMAIL_TEMPLATE_ID,
  DEMO_SMS_SENDER_ID,
  DEMO_SMS_TEMPLATE_ID,
  DEMO_TEAM_MEMBER,
  seedLocal,
  seedNotify,
} from '../../../lambda/notify/seed';
import { storage as notifyStorage } from '../../../lambda/notify/storage';
import { RecordingProvider } from '../../../lambda/notify/store/recording-provider';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { type DemoService, embeddedDefinition, NotifyWorld, toNotifyErrorResponse } from './fixtures';

const { NotifyClient } = require('notifications-node-client');
const createGovukNotifyToken: (
  method: string,
  path: string,
  secret: string,
  serviceId: string,
) => string = require('notifications-node-client/client/authentication.js');

/**
 * The official notifications-node-client, unchanged, against the service functions behind the
 * thinnest possible HTTP layer (parse, call, map): proves paths, bodies, tokens and response
 * shapes match what the client sends and expects. The real routes are tested end to end elsewhere.
 */
describe('official notifications-node-client', () => {
  useEmbeddedStorage('notify', embeddedDefinition(notifyStorage));
  const world = new NotifyWorld({}, true);
  let td: DemoService;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    td = await world.service();
    server = createServer(async (req, res) => {
      const { statusCode, body } = await route(req).catch(toNotifyErrorResponse);
      res.writeHead(statusCode, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function route(req: IncomingMessage): Promise<{ statusCode: number; body: unknown }> {
    const url = new URL(req.url ?? '/', baseUrl);
    const caller = await authenticateRequest(req.headers.authorization, world.ports);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? [query[k]].flat().concat(v) : v;
    const options = { baseUrl, idempotencyKey: req.headers['idempotency-key'] as string | undefined };
    const routes: [string, RegExp, (m: RegExpMatchArray) => Promise<{ statusCode: number; body: unknown }>][] = [
      ['POST', /^\/v2\/notifications\/email$/, () => sendEmail(parseNotify(sendEmailRequestSchema, json), caller, world.ports, options)],
      ['POST', /^\/v2\/notifications\/sms$/, () => sendSms(parseNotify(sendSmsRequestSchema, json), caller, world.ports, options)],
      [
        'GET',
        /^\/v2\/notifications$/,
        () => listNotifications(parseNotify(listNotificationsQuerySchema, query), caller, world.ports, options),
      ],
      ['GET', /^\/v2\/notifications\/([^/]+)$/, (m) => getNotification(m[1], caller, world.ports, options)],
      ['GET', /^\/v2\/templates$/, () => listTemplates(parseNotify(listTemplatesQuerySchema, query), caller, world.ports)],
      ['GET', /^\/v2\/template\/([^/]+)\/version\/([^/]+)$/, (m) => getTemplateVersion(m[1], m[2], caller, world.ports)],
      [
        'POST',
        /^\/v2\/template\/([^/]+)\/preview$/,
        (m) => previewTemplate(m[1], parseNotify(previewTemplateRequestSchema, json), caller, world.ports),
      ],
      ['GET', /^\/v2\/template\/([^/]+)$/, (m) => getTemplate(m[1], caller, world.ports)],
    ];
    for (const [method, pattern, handle] of routes) {
      const match = req.method === method ? url.pathname.match(pattern) : null;
      if (match) return handle(match);
    }
    return { statusCode: 404, body: {} };
  }

  const client = () => new NotifyClient(baseUrl, td.keys.live);

  it('sends an e-mail and a text message, then reads them back by id and in a list', async () => {
    const email = await client().sendEmail(td.emailTemplateId, 'citizen@example.com', {
      personalisation: { name: 'Wong', licence: 'hawker licence' },
      reference: 'HWK-1',
    });
    expect(email.status).toBe(201);
    expect(email.data.content).toMatchObject({ subject: 'Renew your hawker licence', body: 'Dear Wong, renew your hawker licence.' });
    const sms = await client().sendSms(td.smsTemplateId, '9876 5432', { personalisation: { date: '4 March' } });
    expect(sms.data.content.body).toBe('Appointment on 4 March.');

    const byId = await client().getNotificationById(email.data.id);
    expect(byId.data).toMatchObject({ id: email.data.id, reference: 'HWK-1', type: 'email', email_address: 'citizen@example.com' });
    const all = await client().getNotifications('email', null, 'HWK-1', null);
    expect(all.data.notifications.map((n: { id: string }) => n.id)).toEqual([email.data.id]);
    expect(all.data.links.current).toBe(`${baseUrl}/v2/notifications?template_type=email&reference=HWK-1`);
  });

  it('reads templates and previews one', async () => {
    expect((await client().getTemplateById(td.smsTemplateId)).data).toMatchObject({ id: td.smsTemplateId, type: 'sms', version: 1 });
    expect((await client().getTemplateByIdAndVersion(td.smsTemplateId, 1)).data.body).toBe('Appointment on ((date)).');
    expect((await client().getAllTemplates('email')).data.templates.map((t: { id: string }) => t.id)).toEqual([td.emailTemplateId]);
    const preview = await client().previewTemplateById(td.emailTemplateId, { name: 'Wong', licence: 'boat' });
    expect(preview.data).toMatchObject({
      body: 'Dear Wong, renew your boat.',
      subject: 'Renew your boat',
      html: expect.stringContaining('<p>'),
    });
  });

  it('works with the demo key local mode seeds and prints, the same on every start', async () => {
    const seed = await seedNotify(world.ports);
    expect(await seedNotify(world.ports)).toEqual(seed);
    const demo = new NotifyClient(baseUrl, seed.apiKey);
    const sent = await demo.sendEmail(seed.emailTemplateId, seed.teamMember.emailAddress, {
      personalisation: { name: 'Chan', licence_type: 'hawker', expiry_date: '1 May 2026', has_fee_waiver: 'yes' },
    });
    expect(sent.data.content.subject).toBe('Your hawker licence is due for renewal');
    expect(sent.data.content.body).toContain('You do not need to pay a renewal fee this year.');
    const sms = await demo.sendSms(seed.smsTemplateId, seed.teamMember.mobileNumber, {
      personalisation: { office: 'Wan Chai', date: '3 May', reference_number: 'A1' },
    });
    expect(sms.data.content.from_number).toBe('DPO');
    // The reply-to address and the sender whose ids local mode hands the clients are the demo service's.
    await expect(
      demo.sendEmail(seed.emailTemplateId, seed.teamMember.emailAddress, {
        personalisation: { name: 'Chan', licence_type: 'hawker', expiry_date: '1 May 2026', has_fee_waiver: '' },
        emailReplyToId: DEMO_EMAIL_REPLY_TO_ID,
      }),
    ).resolves.toMatchObject({ status: 201 });
    const named = await demo.sendSms(seed.smsTemplateId, seed.teamMember.mobileNumber, {
      personalisation: { office: 'Wan Chai', date: '3 May', reference_number: 'A2' },
      smsSenderId: DEMO_SMS_SENDER_ID,
    });
    expect(named.data.content.from_number).toBe('DPO');
  });

  it("prints local mode's instructions with a key that works", async () => {
    const { notes: lines, credentials } = await seedLocal({ departments: ['DPO', 'TD'] });
    const key = lines[0].split(' ').at(-1) ?? '';
    expect(credentials).toEqual({
      NOTIFY_API_KEY: key,
      NOTIFY_EMAIL_TEMPLATE_ID: DEMO_EMAIL_TEMPLATE_ID,
      NOTIFY_SMS_TEMPLATE_ID: DEMO_SMS_TEMPLATE_ID,
      NOTIFY_TEAM_EMAIL: DEMO_TEAM_MEMBER.emailAddress,
      NOTIFY_TEAM_MOBILE: DEMO_TEAM_MEMBER.mobileNumber,
      NOTIFY_EMAIL_REPLY_TO_ID: DEMO_EMAIL_REPLY_TO_ID,
      NOTIFY_SMS_SENDER_ID: DEMO_SMS_SENDER_ID,
    });
    expect(lines[0]).toMatch(/^notify: demo service .* live API key /);
    expect(lines[2]).toContain(`new NotifyClient('<local url>/notify', '${key}')`);
    // Local mode's handlers build their ports from the environment the seed set.
    const localPorts = createNotifyPorts({ secretBoxKey: localSecretBoxKey(), provider: new RecordingProvider() });
    const token = createGovukNotifyToken('GET', '/v2/templates', key.slice(-36), key.slice(-73, -37));
    await expect(authenticateRequest(`Bearer ${token}`, localPorts)).resolves.toMatchObject({ apiKey: { type: 'live' } });
  });

  it("surfaces Notify's error body to the client's caller", async () => {
    const error = await client()
      .sendEmail(td.emailTemplateId, 'citizen@example.com', { personalisation: { name: 'Wong' } })
      .catch((err: { response: { status: number; data: unknown } }) => err.response);
    expect(error.status).toBe(400);
    expect(error.data).toEqual({ status_code: 400, errors: [{ error: 'BadRequestError', message: 'Missing personalisation: licence' }] });
    const wrongKey = td.keys.live.replace(/.{36}$/, '00000000-0000-4000-8000-000000000000');
    const denied = await new NotifyClient(baseUrl, wrongKey)
      .getAllTemplates()
      .catch((err: { response: { status: number; data: unknown } }) => err.response);
    expect(denied.status).toBe(403);
    expect(denied.data).toEqual({ status_code: 403, errors: [{ error: 'AuthError', message: 'Invalid token: API key not found' }] });
  });
});
