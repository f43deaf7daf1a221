import { NOTIFY_IDEMPOTENCY } from '../../../lambda/notify/domain/idempotency';
import { FILTERABLE_STATUSES, SMS_STATUSES, TEMPLATE_TYPES } from '../../../lambda/notify/domain/model';
import { PHONE_NUMBER_PATTERN } from '../../../lambda/notify/domain/recipients';
import { sendEmailRequestSchema } from '../../../lambda/notify/domain/schemas';
import { notifyService } from '../../../lambda/notify/routes';
import { openApiDocument } from '../../../lib/openapi/openapi';

type Json = Record<string, any>;

/** What Notify's OpenAPI document tells a client (and schemathesis) about each route: what the server enforces, no less. */
describe("Notify's OpenAPI document", () => {
  const document = openApiDocument(notifyService) as Json;
  const operation = (method: string, path: string): Json => document.paths[`/notify${path}`][method];
  const parameter = (op: Json, name: string): Json => op.parameters.find((p: Json) => p.name === name);
  const bodySchema = (op: Json): Json => op.requestBody.content['application/json'].schema;
  const okSchema = (op: Json, status = '200'): Json => op.responses[status].content['application/json'].schema;

  it('declares every status a send answers, the Idempotency-Key it reads with its pattern and lengths, and its body', () => {
    for (const path of ['/v2/notifications/email', '/v2/notifications/sms']) {
      const send = operation('post', path);
      expect(Object.keys(send.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '429']);
      expect(parameter(send, 'idempotency-key')).toEqual({
        name: 'idempotency-key',
        in: 'header',
        required: false,
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: NOTIFY_IDEMPOTENCY.keyPattern.source },
      });
      expect(okSchema(send, '201').properties.uri).toEqual({ type: 'string', format: 'uri' });
    }
    const email = bodySchema(operation('post', '/v2/notifications/email'));
    expect(email.properties.email_address).toEqual({ type: 'string', format: 'email' });
    expect(email.properties.template_id).toMatchObject({ type: 'string', format: 'uuid' });
    expect(email.properties.email_reply_to_id).toMatchObject({ format: 'uuid' });
    expect(email.properties.one_click_unsubscribe_url).toMatchObject({ format: 'uri', pattern: '^https:', maxLength: 2000 });
    expect(email.properties.reference).toMatchObject({ anyOf: [{ type: 'string', maxLength: 1000 }, { type: 'null' }] });
    expect(email.additionalProperties).toBe(false);
    expect(email.required.sort()).toEqual(['email_address', 'template_id']);
  });

  it('declares the phone numbers a text message may go to as the pattern the server reads them by', () => {
    const sms = bodySchema(operation('post', '/v2/notifications/sms'));
    expect(sms.properties.phone_number).toEqual({
      type: 'string',
      pattern: PHONE_NUMBER_PATTERN.source,
      description: expect.stringContaining("needs the service's permission for international text messages"),
    });
    expect(sms.additionalProperties).toBe(false);
    expect(sms.required.sort()).toEqual(['phone_number', 'template_id']);
  });

  it("says in its description what a send's or a preview's schema cannot: templates, placeholders, reply-to addresses, senders", () => {
    const email = operation('post', '/v2/notifications/email').description;
    expect(email).toContain("`template_id` names one of the service's email templates");
    expect(email).toContain('"sms template is not suitable for email notification"');
    expect(email).toContain('`personalisation` gives a value other than null for each placeholder of the template');
    expect(email).toContain("`email_reply_to_id` is one of the service's reply-to addresses");
    const sms = operation('post', '/v2/notifications/sms').description;
    expect(sms).toContain("`template_id` names one of the service's sms templates");
    expect(sms).toContain("`sms_sender_id` is one of the service's text message senders");
    expect(sms).toContain('at most 918 characters');
    expect(sms).toContain("needs the service's permission for international text messages");
    const preview = operation('post', '/v2/template/{id}/preview').description;
    expect(preview).toContain("`id` names one of the service's templates (else 404 NoResultFound)");
    expect(preview).toContain('`personalisation` gives a value other than null for each placeholder of the template');
  });

  it('enforces the formats it declares: an address that is no e-mail address is refused by the schema itself', () => {
    const body = (email_address: string) => ({ email_address, template_id: '0b6f4c6e-2f1d-4a4e-8d9b-3c2e1f0a9b8c' });
    expect(sendEmailRequestSchema.safeParse(body('someone@example.gov.hk')).success).toBe(true);
    for (const bad of ['', 'someone', 'someone@', '@example.com', 'a..b@example.com', 'someone@example']) {
      expect(sendEmailRequestSchema.safeParse(body(bad)).error?.issues).toEqual([
        expect.objectContaining({ path: ['email_address'], message: 'email_address is not a valid email address' }),
      ]);
    }
    const https = (url: string) => sendEmailRequestSchema.safeParse({ ...body('a@example.com'), one_click_unsubscribe_url: url }).success;
    expect(https('https://example.gov.hk/unsubscribe?u=1')).toBe(true);
    expect(https('http://example.gov.hk/unsubscribe')).toBe(false);
    expect(https('HTTPS://example.gov.hk/unsubscribe')).toBe(false);
  });

  it('declares the filters of the notification list as enums, and ids as UUIDs', () => {
    const list = operation('get', '/v2/notifications');
    const oneOrMany = (values: readonly string[]) => ({
      anyOf: [
        { type: 'string', enum: [...values] },
        { type: 'array', items: { type: 'string', enum: [...values] } },
      ],
    });
    expect(parameter(list, 'template_type').schema).toEqual(oneOrMany(TEMPLATE_TYPES));
    expect(parameter(list, 'status').schema).toEqual(oneOrMany(FILTERABLE_STATUSES));
    expect(parameter(list, 'include_jobs').schema).toEqual({ type: 'string', enum: ['true', 'True'] });
    expect(parameter(list, 'older_than').schema).toMatchObject({ type: 'string', format: 'uuid' });
    const page = okSchema(list);
    expect(page.properties.links).toMatchObject({
      properties: { current: { type: 'string', format: 'uri' }, next: { type: 'string', format: 'uri' } },
      required: ['current'],
    });
    const notification = page.properties.notifications.items;
    expect(notification.properties.status).toEqual({ type: 'string', enum: [...SMS_STATUSES] });
    expect(notification.properties.type).toEqual({ type: 'string', enum: ['email', 'sms'] });
    expect(notification.properties.created_at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(parameter(operation('get', '/v2/notifications/{id}'), 'id').schema).toMatchObject({ type: 'string', format: 'uuid' });
  });

  it('declares the templates routes with their enum, ids, version and answers', () => {
    expect(parameter(operation('get', '/v2/templates'), 'type').schema).toEqual({ type: 'string', enum: [...TEMPLATE_TYPES] });
    const version = operation('get', '/v2/template/{id}/version/{version}');
    expect(parameter(version, 'version').schema).toMatchObject({ type: 'integer', minimum: 1 });
    expect(okSchema(version).properties.personalisation).toMatchObject({ type: 'object' });
    const preview = operation('post', '/v2/template/{id}/preview');
    expect(Object.keys(preview.responses).sort()).toEqual(['200', '400', '401', '403', '404', '413', '415', '429']);
    expect(okSchema(preview).required).toEqual(expect.arrayContaining(['id', 'type', 'version', 'body', 'subject', 'html']));
  });

  it('declares letters, refused, and received text messages, in Notify shapes', () => {
    const letter = operation('post', '/v2/notifications/letter');
    expect(letter.responses['400']).toBeDefined();
    expect(letter.description).toContain(
      'a letter whose body is valid is answered 400 BadRequestError "Service is not allowed to send letters", as Notify answers a service without it',
    );
    expect(bodySchema(letter).anyOf.map((s: Json) => [...s.required].sort())).toEqual([
      ['personalisation', 'template_id'],
      ['content', 'reference'],
    ]);
    expect(bodySchema(letter).anyOf[1].properties.postage).toEqual({ type: 'string', enum: ['first', 'second', 'economy'] });
    const received = operation('get', '/v2/received-text-messages');
    expect(parameter(received, 'older_than').schema).toMatchObject({ format: 'uuid' });
    expect(okSchema(received).required).toEqual(['received_text_messages', 'links']);
  });
});
