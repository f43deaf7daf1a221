import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { authenticateRequest } from '../../../lambda/notify/app/authenticate';
import { sendEmail } from '../../../lambda/notify/app/notifications';
import { createNotifyPorts, localSecretBoxKey } from '../../../lambda/notify/compose';
import { formatError as notifyErrorFormat } from '../../../lambda/notify/errors';
import { handler as authorize } from '../../../lambda/notify/handlers/authorizer';
import { handler as deliveryEvents } from '../../../lambda/notify/handlers/delivery-events';
import { handler as api } from '../../../lambda/notify/handlers/http';
import { notifyService } from '../../../lambda/notify/routes';
import { DEMO_EMAIL_TEMPLATE_ID, DEMO_SMS_TEMPLATE_ID, type NotifySeed, seedNotify } from '../../../lambda/notify/seed';
import { storage as notifyStorage } from '../../../lambda/notify/storage';
import { RecordingProvider } from '../../../lambda/notify/store/recording-provider';
import { HttpError } from '../../../lambda/shared/errors';
import { gatewayErrorTemplate } from '../../../lib/constructs/service-api-gateway-responses';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { embeddedDefinition } from './fixtures';

const createGovukNotifyToken: (
  method: string,
  path: string,
  secret: string,
  serviceId: string,
) => string = require('notifications-node-client/client/authentication.js');

/**
 * The service's Lambda entries as API Gateway calls them: the authorizer with a REQUEST event,
 * the API with a proxy event carrying what the authorizer answered.
 */
describe('notifications authorizer and API entry', () => {
  useEmbeddedStorage('notify', embeddedDefinition(notifyStorage));
  let seed: NotifySeed;
  const bearer = (key: string) => `Bearer ${createGovukNotifyToken('GET', '/v2/templates', key.slice(-36), key.slice(-73, -37))}`;
  const authorizerEvent = (authorization?: string) =>
    ({
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:ap-east-1:111122223333:abc/v1/GET/notify/v2/templates',
      headers: authorization ? { Authorization: authorization } : {},
    }) as unknown as APIGatewayRequestAuthorizerEvent;
  const apiEvent = (authorizer: Record<string, unknown> | undefined): APIGatewayProxyEvent =>
    ({
      resource: '/notify/v2/templates',
      path: '/notify/v2/templates',
      httpMethod: 'GET',
      headers: { Host: 'api.example.gov.hk', 'X-Forwarded-Proto': 'https' },
      multiValueHeaders: {},
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
      requestContext: { requestId: 'r-1', path: '/notify/v2/templates', identity: { sourceIp: '10.0.0.1' }, authorizer },
    }) as unknown as APIGatewayProxyEvent;

  beforeAll(async () => {
    seed = await seedNotify(createNotifyPorts({ secretBoxKey: localSecretBoxKey(), provider: new RecordingProvider() }));
  });

  it('allows a valid token, passing on the service and key for the handler', async () => {
    const result = await authorize(authorizerEvent(bearer(seed.apiKey)));
    expect(result.policyDocument.Statement).toEqual([
      { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: authorizerEvent().methodArn },
    ]);
    expect(result.context).toEqual({
      scheme: 'notify-jwt',
      principalId: seed.serviceId,
      serviceId: seed.serviceId,
      apiKeyId: expect.any(String),
      apiKeyType: 'live',
    });
    const res = await api(apiEvent({ principalId: result.principalId, ...result.context }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).templates.map((t: { id: string }) => t.id)).toContain(DEMO_SMS_TEMPLATE_ID);
  });

  it("lets a refused token through marked, and the handler answers Notify's AuthError", async () => {
    const wrong = seed.apiKey.replace(/.{36}$/, randomUUID());
    const result = await authorize(authorizerEvent(bearer(wrong)));
    expect(result.context).toMatchObject({ scheme: 'notify-jwt', authError: 'Invalid token: API key not found', authStatus: '403' });
    expect(result.context).not.toHaveProperty('serviceId');
    const res = await api(apiEvent({ principalId: result.principalId, ...result.context }));
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body)).toEqual({
      status_code: 403,
      errors: [{ error: 'AuthError', message: 'Invalid token: API key not found' }],
    });
  });

  it('answers a refused token before reading the request: AuthError, not the invalid body', async () => {
    const result = await authorize(authorizerEvent('Bearer not-a-token'));
    const send = {
      ...apiEvent({ principalId: result.principalId, ...result.context }),
      resource: '/notify/v2/notifications/email',
      path: '/notify/v2/notifications/email',
      httpMethod: 'POST',
      headers: { Host: 'api.example.gov.hk', 'Content-Type': 'application/json' },
      body: '{"colour":"red"}',
    };
    const res = await api(send);
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).errors).toEqual([{ error: 'AuthError', message: expect.stringMatching(/^Invalid token/) }]);
  });

  /** A request to the API as API Gateway sends it for a resource built relative to the base path, from a service's own host. */
  const ownHostEvent = async (method: string, path: string, options: { body?: unknown; query?: Record<string, string> } = {}) => {
    const allowed = await authorize(authorizerEvent(bearer(seed.apiKey)));
    return {
      ...apiEvent({ principalId: allowed.principalId, ...allowed.context }),
      resource: path,
      path,
      httpMethod: method,
      headers: { Host: 'notify.example.gov.hk', 'X-Forwarded-Proto': 'https', 'Content-Type': 'application/json' },
      queryStringParameters: options.query ?? null,
      multiValueQueryStringParameters: options.query ? Object.fromEntries(Object.entries(options.query).map(([k, v]) => [k, [v]])) : null,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      requestContext: {
        requestId: 'r-2',
        path,
        identity: { sourceIp: '10.0.0.1' },
        authorizer: { principalId: allowed.principalId, ...allowed.context },
      },
    } as unknown as APIGatewayProxyEvent;
  };

  it("answers a letter, from a template or precompiled, with Notify's 400 for a service that cannot send letters", async () => {
    const refused = { status_code: 400, errors: [{ error: 'BadRequestError', message: 'Service is not allowed to send letters' }] };
    const templated = { template_id: DEMO_EMAIL_TEMPLATE_ID, personalisation: { address_line_1: 'Flat 1', address_line_2: 'Central' } };
    const precompiled = { reference: 'letter-1', content: Buffer.from('%PDF-1.7 one page').toString('base64'), postage: 'second' };
    for (const body of [templated, precompiled]) {
      const res = await api(await ownHostEvent('POST', '/v2/notifications/letter', { body }));
      expect({ status: res.statusCode, body: JSON.parse(res.body) }).toEqual({ status: 400, body: refused });
    }
    // A body Notify's letter schemas refuse is answered as Notify answers it, against the kind of letter it resembles.
    const noReference = await api(await ownHostEvent('POST', '/v2/notifications/letter', { body: { content: 'JVBERi0=' } }));
    expect(JSON.parse(noReference.body)).toEqual({
      status_code: 400,
      errors: [{ error: 'ValidationError', message: 'reference is a required property' }],
    });
    const noPersonalisation = await api(
      await ownHostEvent('POST', '/v2/notifications/letter', { body: { template_id: DEMO_EMAIL_TEMPLATE_ID } }),
    );
    expect(JSON.parse(noPersonalisation.body).errors).toEqual([
      { error: 'ValidationError', message: 'personalisation is a required property' },
    ]);
  });

  it("checks a phone number with the rest of the body, as Notify's schema does: every field's error at once, in Notify's words", async () => {
    const send = (body: unknown) => ownHostEvent('POST', '/v2/notifications/sms', { body });
    const both = await api(await send({ phone_number: '9123456', template_id: 'not-a-template' }));
    expect({ status: both.statusCode, body: JSON.parse(both.body) }).toEqual({
      status: 400,
      body: {
        status_code: 400,
        errors: [
          { error: 'ValidationError', message: 'phone_number Not enough digits' },
          { error: 'ValidationError', message: 'template_id is not a valid UUID' },
        ],
      },
    });
    for (const [phone_number, message] of [
      ['9123 456a', 'phone_number Must not contain letters or symbols'],
      ['2123 4567', 'phone_number Not a Hong Kong mobile number'],
      ['+0123456789', 'phone_number Not a valid country prefix'],
      [12345678, 'phone_number Must not contain letters or symbols'],
    ]) {
      const res = await api(await send({ phone_number, template_id: DEMO_SMS_TEMPLATE_ID }));
      expect(JSON.parse(res.body).errors).toEqual([{ error: 'ValidationError', message }]);
    }
  });

  it('sends from the demo service to a number outside Hong Kong, as a service with the international permission does', async () => {
    const body = {
      phone_number: '+44 7700 900123',
      template_id: DEMO_SMS_TEMPLATE_ID,
      personalisation: { office: 'Wan Chai', date: '3 May', reference_number: 'A1' },
    };
    const res = await api(await ownHostEvent('POST', '/v2/notifications/sms', { body }));
    expect({ status: res.statusCode, body: JSON.parse(res.body).content }).toEqual({
      status: 201,
      body: { body: 'Your appointment at Wan Chai is confirmed for 3 May. Reference A1.', from_number: 'DPO' },
    });
  });

  it("lists the service's received text messages, none, in Notify's shape and with its links from the service's own host", async () => {
    const res = await api(await ownHostEvent('GET', '/v2/received-text-messages'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      received_text_messages: [],
      links: { current: 'https://notify.example.gov.hk/v2/received-text-messages' },
    });
    const older = await api(await ownHostEvent('GET', '/v2/received-text-messages', { query: { older_than: randomUUID() } }));
    expect(JSON.parse(older.body).received_text_messages).toEqual([]);
    const bad = await api(await ownHostEvent('GET', '/v2/received-text-messages', { query: { older_than: 'yesterday' } }));
    expect(JSON.parse(bad.body)).toEqual({
      status_code: 400,
      errors: [{ error: 'ValidationError', message: 'older_than is not a valid UUID' }],
    });
  });

  it('refuses a request without a header as API Gateway would, and a request the authorizer never saw', async () => {
    await expect(authorize(authorizerEvent())).rejects.toThrow('Unauthorized');
    const res = await api(apiEvent(undefined));
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).errors[0].error).toBe('AuthError');
  });

  it('applies SES delivery events to the notification they are tagged with, and leaves unknown ones alone', async () => {
    const ports = createNotifyPorts({ secretBoxKey: localSecretBoxKey(), provider: new RecordingProvider() });
    const caller = await authenticateRequest(bearer(seed.apiKey), ports);
    const sent = await sendEmail(
      {
        email_address: 'citizen@example.com',
        template_id: DEMO_EMAIL_TEMPLATE_ID,
        personalisation: { name: 'Chan', licence_type: 'hawker', expiry_date: '1 May', has_fee_waiver: '' },
      },
      caller,
      ports,
      { baseUrl: 'https://api.example.gov.hk/notify' },
    );
    expect((await ports.notifications.get(sent.body.id))?.status).toBe('sending');
    const bounce = { eventType: 'Bounce', bounce: { bounceType: 'Permanent' }, mail: { tags: { notificationId: [sent.body.id] } } };
    await deliveryEvents({ 'detail-type': 'Email Bounced', source: 'aws.ses', detail: bounce } as never);
    expect((await ports.notifications.get(sent.body.id))?.status).toBe('permanent-failure');
    const unknown = { eventType: 'Delivery', mail: { tags: { notificationId: [randomUUID()] } } };
    await expect(
      deliveryEvents({ 'detail-type': 'Email Delivered', source: 'aws.ses', detail: unknown } as never),
    ).resolves.toBeUndefined();
  });
});

describe("Notify's error format", () => {
  const format = (error: HttpError) => notifyErrorFormat(error, 'r-1');

  it.each([
    [new HttpError(404, 'not_found', 'No route GET /notify/v3.'), 'NoResultFound', 'No route GET /notify/v3.'],
    [new HttpError(405, 'method_not_allowed', 'Use one of: POST.'), 'BadRequestError', 'Use one of: POST.'],
    [new HttpError(413, 'payload_too_large', 'The request body is larger than 65536 bytes.'), 'BadRequestError', expect.any(String)],
    [new HttpError(429, 'too_many_requests', 'Too many requests'), 'RateLimitError', 'Too many requests'],
    [new HttpError(500, 'internal_error', 'database password is hunter2'), 'Exception', 'Internal server error'],
  ])('names the runtime error %s as Notify does', (error, name, message) => {
    expect(format(error)).toEqual({ status_code: error.status, errors: [{ error: name, message }] });
  });

  it("renders API Gateway's own responses as valid Notify bodies", () => {
    const template = gatewayErrorTemplate(notifyService, 403, 'forbidden');
    expect(template).toBe('{"status_code":403,"errors":[{"error":"AuthError","message":$context.error.messageString}]}');
    const rendered = template.replace('$context.error.messageString', JSON.stringify('Forbidden'));
    expect(JSON.parse(rendered)).toEqual({ status_code: 403, errors: [{ error: 'AuthError', message: 'Forbidden' }] });
  });
});
