import * as z from 'zod';
import { defineService } from '../shared/route';
import {
  cardFormSchema,
  chargeTokenFormSchema,
  createPaymentRequestSchema,
  emptyFormSchema,
  idempotencyKeySchema,
  refundBodySchema,
  searchPaymentsQuerySchema,
} from './domain/schemas';
import { formatError, requestError } from './errors';

/** Pay's own credentials: a department's API key as a bearer token, checked by the service's authorizer. */
export const PAY_AUTH_SCHEME = 'pay-api-key';
const auth = { scheme: PAY_AUTH_SCHEME } as const;

const paymentId = z.strictObject({ paymentId: z.string().max(64) });
const chargeToken = z.strictObject({ token: z.string().max(64) });
/** The card form carries card details: kept small, and never logged or stored by the runtime. */
const FORM_BYTES = 4096;
const HTML = 'text/html';
const htmlPage = z.string().meta({ description: 'An HTML page' });

/** What Pay answers beyond success and the runtime's own statuses, in Pay's words. */
const REFUSED_VALUE = 'A value out of its range or format (P0102 and the route’s codes); P0920 for a live account’s http return_url';
const NOT_FOUND_PAGE = 'An unknown or spent payment link: an HTML page saying so';

/**
 * Payments in Hong Kong dollars (amounts in cents), with GOV.UK Pay's v1 API under `/pay`, and
 * the hosted payment page behind each payment's `next_url`.
 */
export const payService = defineService({
  name: 'pay',
  title: 'Payments (GOV.UK Pay compatible)',
  version: '1.0.0',
  basePath: '/pay',
  formatError,
  requestError,
  authorizers: { [PAY_AUTH_SCHEME]: { entry: 'lambda/pay/handlers/authorizer.ts', header: 'authorization' } },
  functions: { api: 'lambda/pay/handlers/http.ts', scheduled: 'lambda/pay/handlers/scheduled.ts' },
  environment: {
    /** The secret box key itself, base64: local mode and tests. */
    secretBoxKey: 'PAY_SECRET_BOX_KEY',
    /** ARN of the Secrets Manager secret holding the secret box key: AWS. */
    secretBoxKeySecretArn: 'PAY_SECRET_BOX_KEY_SECRET_ARN',
    /** JSON list of the codes of departments entitled to the service: whose day the nightly run reconciles. */
    departments: 'PAY_DEPARTMENTS',
  } as const,
  schedules: {
    webhooks: {
      function: 'scheduled',
      expression: 'rate(1 minute)',
      description: 'Sends due payment webhooks, signed, retrying those not acknowledged',
      input: { task: 'webhooks' },
    },
    reconciliation: {
      function: 'scheduled',
      // 00:30 in Hong Kong: the day before is complete.
      expression: 'cron(30 16 * * ? *)',
      description: "Writes each department's reconciliation report for the day before to S3",
      input: { task: 'reconciliation' },
    },
  },
  routes: {
    createPayment: {
      method: 'POST',
      path: '/pay/v1/payments',
      auth,
      summary: 'Create a payment; the same Idempotency-Key and body within 24 hours return the original',
      description: 'Answers 201 with a Location header naming the new payment; `_links.next_url` is where the payer goes.',
      body: createPaymentRequestSchema,
      headers: ['idempotency-key'],
      headerSchemas: { 'idempotency-key': idempotencyKeySchema },
      successStatus: 201,
      responses: {
        200: 'The same Idempotency-Key and body within 24 hours: the payment the first request created',
        409: 'The Idempotency-Key was used with another body (P0191)',
        422: `${REFUSED_VALUE}; P0196 for moto on an account not enabled for MOTO payments; an Idempotency-Key Pay refuses (P0102)`,
      },
    },
    searchPayments: {
      method: 'GET',
      path: '/pay/v1/payments',
      auth,
      summary: "Search the account's payments by reference, email, state, dates and card, a page at a time",
      query: searchPaymentsQuerySchema,
      responses: { 404: 'No such page of results (P0402)', 422: 'Invalid search parameters, each named (P0401)' },
    },
    getPayment: { method: 'GET', path: '/pay/v1/payments/{paymentId}', auth, summary: 'One payment', params: paymentId },
    cancelPayment: {
      method: 'POST',
      path: '/pay/v1/payments/{paymentId}/cancel',
      auth,
      summary: 'Cancel a payment that has not been taken',
      params: paymentId,
      successStatus: 204,
      responses: { 409: 'The payment can no longer be cancelled (P0502)' },
    },
    capturePayment: {
      method: 'POST',
      path: '/pay/v1/payments/{paymentId}/capture',
      auth,
      summary: 'Take the money of a delayed-capture payment that is capturable',
      params: paymentId,
      successStatus: 204,
      responses: { 409: 'The payment is not capturable (P1003)' },
    },
    getPaymentEvents: {
      method: 'GET',
      path: '/pay/v1/payments/{paymentId}/events',
      auth,
      summary: "A payment's state changes",
      params: paymentId,
    },
    createRefund: {
      method: 'POST',
      path: '/pay/v1/payments/{paymentId}/refunds',
      auth,
      summary: 'Refund some or all of a payment; refund_amount_available, when sent, must match (412 otherwise)',
      description: 'The payment is found first: an unknown payment is 404 (P0600) whatever the body.',
      params: paymentId,
      body: refundBodySchema,
      successStatus: 202,
      responses: {
        412: 'refund_amount_available is not what is available: someone refunded meanwhile (P0604)',
        422: 'A value out of its range (P0602), or more than is available',
      },
    },
    getRefunds: {
      method: 'GET',
      path: '/pay/v1/payments/{paymentId}/refunds',
      auth,
      summary: "A payment's refunds",
      params: paymentId,
    },
    getRefund: {
      method: 'GET',
      path: '/pay/v1/payments/{paymentId}/refunds/{refundId}',
      auth,
      summary: 'One refund',
      params: z.strictObject({ paymentId: z.string().max(64), refundId: z.string().max(64) }),
    },
    showPaymentPage: {
      method: 'GET',
      path: '/pay/secure/{token}',
      auth: 'public',
      summary: 'The hosted payment page (HTML) behind next_url',
      params: chargeToken,
      response: htmlPage,
      responseType: HTML,
      responses: { 404: NOT_FOUND_PAGE },
    },
    submitPaymentPage: {
      method: 'POST',
      path: '/pay/secure/{token}',
      auth: 'public',
      summary: 'The card form of the hosted payment page',
      description:
        'Paid: 303 to the return URL. Otherwise an HTML page (200): the form again with its errors beside the fields, or declined or failed. Every field is text the page checks itself, so a form of any fields is answered with a page.',
      params: chargeToken,
      body: cardFormSchema,
      bodyFormat: 'form',
      maxBodyBytes: FORM_BYTES,
      response: htmlPage,
      responseType: HTML,
      responses: { 303: "Paid: on to the service's return_url", 404: NOT_FOUND_PAGE },
    },
    cancelPaymentPage: {
      method: 'POST',
      path: '/pay/secure/{token}/cancel',
      auth: 'public',
      summary: 'The cancel button of the hosted payment page',
      params: chargeToken,
      body: emptyFormSchema,
      bodyFormat: 'form',
      maxBodyBytes: FORM_BYTES,
      successStatus: 303,
      responses: { 404: NOT_FOUND_PAGE },
    },
    startPaymentPage: {
      method: 'POST',
      path: '/pay/secure',
      auth: 'public',
      summary: "next_url_post: a service's form posting the charge token, sent on to the payment page",
      body: chargeTokenFormSchema,
      bodyFormat: 'form',
      maxBodyBytes: FORM_BYTES,
      successStatus: 303,
    },
  },
});
