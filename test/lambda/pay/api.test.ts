import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { configureWebhook, createAccount, issuePayApiKey } from '../../../lambda/pay/app/accounts';
import { authenticatePayRequest } from '../../../lambda/pay/app/authenticate';
import { showPaymentPage, submitPaymentPage } from '../../../lambda/pay/app/payment-page';
import { createPayment } from '../../../lambda/pay/app/payments';
import { previousHongKongDay } from '../../../lambda/pay/app/reconciliation';
import { payPorts, reconciledDepartments } from '../../../lambda/pay/compose';
import { createPaymentRequestSchema, searchPaymentsQuerySchema } from '../../../lambda/pay/domain/schemas';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../../lambda/pay/domain/webhooks';
import { formatError as payErrorFormat, requestError as payRequestError } from '../../../lambda/pay/errors';
import { handler as authorize } from '../../../lambda/pay/handlers/authorizer';
import { handler as scheduled } from '../../../lambda/pay/handlers/scheduled';
import { payService } from '../../../lambda/pay/routes';
import { PAY_REPORTS_BUCKET, storage as payStorage } from '../../../lambda/pay/storage';
import { s3 } from '../../../lambda/shared/aws-clients';
import { HttpError } from '../../../lambda/shared/errors';
import { bucketEnvName } from '../../../lambda/shared/storage-definition';
import { gatewayErrorTemplate } from '../../../lib/constructs/service-api-gateway-responses';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { embeddedDefinition } from './fixtures';

const authorizerEvent = (authorization?: string) =>
  ({
    type: 'REQUEST',
    methodArn: 'arn:aws:execute-api:ap-east-1:111122223333:abc/v1/GET/pay/v1/payments',
    headers: authorization ? { authorization } : {},
  }) as unknown as APIGatewayRequestAuthorizerEvent;

describe('payments authorizer and scheduled work', () => {
  useEmbeddedStorage('pay', embeddedDefinition(payStorage));
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let receiver: Server;
  let receiverUrl: string;

  beforeAll(async () => {
    process.env[payService.environment.secretBoxKey] = randomBytes(32).toString('base64');
    receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end();
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  const account = async (departmentCode: string) => {
    const ports = await payPorts();
    const created = await createAccount({ id: randomBytes(13).toString('hex'), departmentCode, name: 'Fees', live: false }, ports);
    const { token } = await issuePayApiKey({ accountId: created.id, name: 'case system', createdBy: 'officer' }, ports);
    return { account: created, token };
  };

  it('allows a known key, naming the account, and refuses others with a plain 401', async () => {
    const { account: td, token } = await account('TD');
    const result = await authorize(authorizerEvent(`Bearer ${token}`));
    expect(result.principalId).toBe(td.id);
    expect(result.policyDocument.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: authorizerEvent().methodArn });
    expect(result.context).toEqual({
      scheme: 'pay-api-key',
      principalId: td.id,
      accountId: td.id,
      apiKeyId: expect.any(String),
      apiKeyName: 'case system',
    });
    await expect(authorize(authorizerEvent(`Bearer api_test_${'x'.repeat(40)}`))).rejects.toThrow('Unauthorized');
    await expect(authorize(authorizerEvent())).rejects.toThrow('Unauthorized');
  });

  it('sends due webhooks signed with the account secret, and marks them delivered', async () => {
    const ports = await payPorts();
    const { account: fehd, token } = await account('FEHD');
    const { signingSecret } = await configureWebhook(fehd.id, receiverUrl, [], ports);
    const caller = await authenticatePayRequest(`Bearer ${token}`, ports);
    const created = await createPayment(
      { amount: 500, reference: 'W-1', description: 'Fee', return_url: 'https://fehd.example.gov.hk/done' },
      caller,
      ports,
      { baseUrl: 'https://api.example.gov.hk/pay' },
    );
    const chargeToken = created.body._links.next_url?.href.split('/').at(-1) ?? '';
    await showPaymentPage(chargeToken, ports, { baseUrl: 'https://api.example.gov.hk/pay' });
    const card = { cardNo: '4444333322221111', expiryMonth: '12', expiryYear: '2030', cvc: '123', cardholderName: 'Chan' };
    await submitPaymentPage(chargeToken, card, ports, { baseUrl: 'https://api.example.gov.hk/pay' });

    await scheduled({ task: 'webhooks' });
    const mine = received.filter((r) => JSON.parse(r.body).resource_id === created.body.payment_id);
    expect(mine.map((r) => JSON.parse(r.body).event_type).sort()).toEqual([
      'card_payment_captured',
      'card_payment_started',
      'card_payment_succeeded',
    ]);
    for (const message of mine) {
      expect(verifyWebhookSignature(message.body, signingSecret, message.headers[SIGNATURE_HEADER.toLowerCase()] as string)).toBe(true);
    }
    const before = received.length;
    await scheduled({ task: 'webhooks' });
    expect(received).toHaveLength(before);
  });

  it("writes each entitled department's report for the day before", async () => {
    process.env.PAY_DEPARTMENTS = JSON.stringify(['TD', 'FEHD']);
    await scheduled({ task: 'reconciliation' });
    const day = previousHongKongDay(new Date());
    for (const department of ['TD', 'FEHD']) {
      const object = await s3().send(
        new GetObjectCommand({ Bucket: process.env[bucketEnvName(PAY_REPORTS_BUCKET)], Key: `reconciliation/${department}/${day}.json` }),
      );
      expect(JSON.parse((await object.Body?.transformToString()) ?? '{}')).toMatchObject({ department, date: day, currency: 'HKD' });
    }
  });

  it('refuses an unknown task, and a department list that is not one', async () => {
    await expect(scheduled({ task: 'nothing' } as never)).rejects.toThrow(/Unknown scheduled task/);
    expect(() => reconciledDepartments({ PAY_DEPARTMENTS: '{"TD":1}' })).toThrow(/JSON list of department codes/);
    expect(reconciledDepartments({})).toEqual([]);
  });
});

describe("Pay's error format", () => {
  const format = (error: HttpError) => payErrorFormat(error, 'r-1');

  it.each([
    [
      new HttpError(401, 'unauthorized', 'Send a valid credential.'),
      { code: 401, message: 'Credentials are required to access this resource.' },
    ],
    [new HttpError(404, 'not_found', 'No route GET /pay/v2.'), { code: 404, message: 'No route GET /pay/v2.' }],
    [new HttpError(429, 'too_many_requests', 'Slow down'), { code: 'P0900', description: 'Too many requests' }],
    [
      new HttpError(500, 'internal_error', 'database password is hunter2'),
      { code: 'P0999', description: 'The payments service is unavailable' },
    ],
  ])('answers the runtime error %s as Pay does', (error, body) => {
    expect(format(error)).toEqual(body);
  });

  it('words schema failures with the codes of the route', () => {
    const body = (
      routeId: string,
      where: 'body' | 'query',
      schema: typeof createPaymentRequestSchema | typeof searchPaymentsQuerySchema,
      input: unknown,
    ) => payRequestError({ routeId, where, error: schema.safeParse(input).error, input })?.details;
    expect(body('createPayment', 'body', createPaymentRequestSchema, { amount: 1 })).toMatchObject({ code: 'P0101' });
    expect(body('searchPayments', 'query', searchPaymentsQuerySchema, { page: 'x' })).toMatchObject({ code: 'P0401' });
    expect(payRequestError({ routeId: 'createRefund', where: 'body', input: '{' })?.details).toEqual({
      code: 'P0697',
      description: 'Unable to parse JSON',
    });
    // The hosted page's forms are not Pay's API: the platform's words stand there.
    expect(payRequestError({ routeId: 'submitPaymentPage', where: 'body', input: {} })).toBeUndefined();
  });

  it("renders API Gateway's own responses as valid Pay bodies", () => {
    const template = gatewayErrorTemplate(payService, 400, 'validation_failed');
    expect(JSON.parse(template.replace('$context.error.messageString', '"Invalid request body"'))).toEqual({
      code: 400,
      message: 'Invalid request body',
    });
  });
});
