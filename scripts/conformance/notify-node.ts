// GOV.UK Notify's official Node client (notifications-node-client) against the platform's Notify, used
// as a department would use it: new NotifyClient(<Notify's root>, apiKey), with the root of Notify's own
// host (SERVICE_URL_NOTIFY), and once more with the shared host's /notify, which the Node client (it
// appends its paths to the base URL) reaches too. Every answer is checked; the first that is not as
// Notify answers ends the run with what was expected and what came.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

const { NotifyClient } = require('notifications-node-client');

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this script through npm run conformance.`);
  return value;
};

const ROOT = env('SERVICE_URL_NOTIFY').replace(/\/$/, '');
const SHARED = `${env('LOCAL_URL').replace(/\/$/, '')}/notify`;
const API_KEY = env('NOTIFY_API_KEY');
const EMAIL_TEMPLATE_ID = env('NOTIFY_EMAIL_TEMPLATE_ID');
const SMS_TEMPLATE_ID = env('NOTIFY_SMS_TEMPLATE_ID');
const TEAM_EMAIL = env('NOTIFY_TEAM_EMAIL');
const TEAM_MOBILE = env('NOTIFY_TEAM_MOBILE');
const REPLY_TO_ID = env('NOTIFY_EMAIL_REPLY_TO_ID');
const SMS_SENDER_ID = env('NOTIFY_SMS_SENDER_ID');

const emailPersonalisation = { name: 'Chan', licence_type: 'hawker', expiry_date: '1 May 2026', has_fee_waiver: 'yes' };
const smsPersonalisation = { office: 'Wan Chai', date: '3 May', reference_number: 'A1' };

type NotifyErrors = { error: string; message: string }[];
type ClientFailure = { response?: { status: number; data: { status_code: number; errors: NotifyErrors } } };

let checks = 0;
function equal(actual: unknown, expected: unknown, what: string): void {
  assert.deepEqual(actual, expected, what);
  checks++;
}
function ok(condition: unknown, what: string): void {
  assert.ok(condition, what);
  checks++;
}
const step = (name: string) => console.log(`-- ${name}`);

/** The client rejects with the HTTP answer: Notify's status and its error body. */
async function refused(call: Promise<unknown>, status: number, errors: NotifyErrors, what: string): Promise<void> {
  const failure = await call.then(
    () => assert.fail(`${what}: expected ${status}, the call succeeded`),
    (err: ClientFailure) => err,
  );
  assert.ok(failure.response, `${what}: expected an HTTP answer, got ${String(failure)}`);
  equal(failure.response.status, status, `${what}: status`);
  equal(failure.response.data, { status_code: status, errors }, `${what}: body`);
}

/** The older_than a page's next link asks for, as the client's users read it. */
const olderThanOf = (link: string) => new URL(link).searchParams.get('older_than');

async function main(): Promise<void> {
  const started = Date.now();
  const client = new NotifyClient(ROOT, API_KEY);
  const reference = `node-${randomUUID()}`;

  step('sendEmail with personalisation, reference, emailReplyToId and oneClickUnsubscribeURL');
  const unsubscribe = 'https://dpo.example.gov.hk/unsubscribe?list=renewals';
  const email = (
    await client.sendEmail(EMAIL_TEMPLATE_ID, TEAM_EMAIL, {
      personalisation: emailPersonalisation,
      reference,
      emailReplyToId: REPLY_TO_ID,
      oneClickUnsubscribeURL: unsubscribe,
    })
  ).data;
  equal(email.reference, reference, "the e-mail's reference");
  equal(email.content.subject, 'Your hawker licence is due for renewal', "the e-mail's subject, personalised");
  equal(email.content.one_click_unsubscribe_url, unsubscribe, "the e-mail's unsubscribe link");
  equal(email.uri, `${ROOT}/v2/notifications/${email.id}`, "the e-mail's uri, under the client's base URL");
  equal(email.template, { id: EMAIL_TEMPLATE_ID, version: 1, uri: `${ROOT}/v2/template/${EMAIL_TEMPLATE_ID}/version/1` }, 'its template');

  step('sendSms with smsSenderId');
  const sms = (await client.sendSms(SMS_TEMPLATE_ID, TEAM_MOBILE, { personalisation: smsPersonalisation, reference, smsSenderId: SMS_SENDER_ID }))
    .data;
  equal(sms.content, { body: 'Your appointment at Wan Chai is confirmed for 3 May. Reference A1.', from_number: 'DPO' }, 'its content');

  step('getNotificationById');
  const byId = (await client.getNotificationById(email.id)).data;
  equal(
    [byId.id, byId.type, byId.status, byId.email_address, byId.one_click_unsubscribe],
    [email.id, 'email', 'delivered', TEAM_EMAIL, unsubscribe],
    'the e-mail read back (local mode delivers at once)',
  );
  equal((await client.getNotificationById(sms.id)).data.phone_number, TEAM_MOBILE, 'the text message read back');

  step('getNotifications with filters, following links.next until a page is empty');
  const emails = (await client.getNotifications('email', 'delivered', reference, null)).data;
  equal(
    emails.notifications.map((n: { id: string }) => n.id),
    [email.id],
    'template_type=email, status=delivered',
  );
  equal(emails.links.current, `${ROOT}/v2/notifications?template_type=email&status=delivered&reference=${reference}`, 'links.current');
  const seen: string[] = [];
  let page = (await client.getNotifications(null, null, reference, null)).data;
  for (let pages = 0; page.notifications.length > 0; pages++) {
    ok(pages < 5, 'the pages end');
    seen.push(...page.notifications.map((n: { id: string }) => n.id));
    ok(page.links.next?.startsWith(`${ROOT}/v2/notifications?`), `a page with notifications links to the next: ${JSON.stringify(page.links)}`);
    page = (await client.getNotifications(null, null, reference, olderThanOf(page.links.next))).data;
  }
  equal(seen, [sms.id, email.id], "the run's notifications, newest first, each once");
  equal(page.links.next, undefined, 'the empty page after the last links nowhere');

  step('getTemplateById, getTemplateByIdAndVersion, getAllTemplates, previewTemplateById');
  const template = (await client.getTemplateById(SMS_TEMPLATE_ID)).data;
  equal([template.id, template.type, template.version], [SMS_TEMPLATE_ID, 'sms', 1], 'the text message template');
  equal(
    Object.keys(template.personalisation).sort(),
    Object.keys(smsPersonalisation).sort(),
    'its placeholders',
  );
  equal((await client.getTemplateByIdAndVersion(EMAIL_TEMPLATE_ID, 1)).data.subject, 'Your ((licence_type)) licence is due for renewal', 'version 1');
  const emailTemplates = (await client.getAllTemplates('email')).data.templates as { id: string; type: string }[];
  ok(
    emailTemplates.some((t) => t.id === EMAIL_TEMPLATE_ID) && emailTemplates.every((t) => t.type === 'email'),
    'getAllTemplates(email) lists e-mail templates only',
  );
  const preview = (await client.previewTemplateById(EMAIL_TEMPLATE_ID, emailPersonalisation)).data;
  equal(preview.subject, 'Your hawker licence is due for renewal', "the preview's subject");
  ok(preview.html?.includes('<p'), "the preview's html");

  step('getReceivedTexts');
  equal(
    (await client.getReceivedTexts()).data,
    { received_text_messages: [], links: { current: `${ROOT}/v2/received-text-messages` } },
    "received text messages: none, in Notify's shape",
  );

  step("errors in Notify's shape");
  await refused(
    client.sendEmail('not-a-template', TEAM_EMAIL, { personalisation: emailPersonalisation }),
    400,
    [{ error: 'ValidationError', message: 'template_id is not a valid UUID' }],
    'a malformed template id',
  );
  await refused(
    client.sendSms(randomUUID(), TEAM_MOBILE, { personalisation: smsPersonalisation }),
    400,
    [{ error: 'BadRequestError', message: 'Template not found' }],
    'an unknown template id',
  );
  await refused(
    client.getNotificationById('1234-badly-formatted-id-7890'),
    400,
    [{ error: 'ValidationError', message: 'notification_id is not a valid UUID' }],
    'a malformed notification id',
  );
  await refused(
    client.getNotificationById(randomUUID()),
    404,
    [{ error: 'NoResultFound', message: 'No result found' }],
    'an unknown notification id',
  );
  await refused(
    new NotifyClient(ROOT, API_KEY.replace(/.{36}$/, randomUUID())).getAllTemplates(),
    403,
    [{ error: 'AuthError', message: 'Invalid token: API key not found' }],
    'a key whose secret is wrong',
  );

  step("letters: Notify's answer to a service without the letter permission");
  const noLetters = [{ error: 'BadRequestError', message: 'Service is not allowed to send letters' }];
  await refused(
    client.sendLetter(EMAIL_TEMPLATE_ID, { personalisation: { address_line_1: 'Flat 1', address_line_2: 'Central', address_line_3: 'Hong Kong' } }),
    400,
    noLetters,
    'sendLetter',
  );
  await refused(client.sendPrecompiledLetter(`letter-${reference}`, Buffer.from('%PDF-1.7\n%%EOF\n'), 'second'), 400, noLetters, 'sendPrecompiledLetter');

  step('the same client under the shared host, at /notify');
  const shared = new NotifyClient(SHARED, API_KEY);
  const again = (await shared.getNotificationById(sms.id)).data;
  equal(again.template.uri, `${SHARED}/v2/template/${SMS_TEMPLATE_ID}/version/1`, 'links under the base URL the client was given');

  console.log(`notify-node: ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s against ${ROOT}`);
}

main().catch((err) => {
  console.error(`FAIL ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
