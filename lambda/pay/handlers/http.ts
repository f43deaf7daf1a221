import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { type HttpResponse, json } from '../../shared/http';
import type { Caller } from '../../shared/identity';
import { type PayCaller, payCallerFromContext } from '../app/authenticate';
import { cancelPaymentPage, type PageResult, showPaymentPage, startPaymentPage, submitPaymentPage } from '../app/payment-page';
import { cancelPayment, capturePayment, createPayment, getPayment, getPaymentEvents, searchPayments } from '../app/payments';
import { createRefund, getRefund, getRefunds } from '../app/refunds';
import { payPorts } from '../compose';
import type { PayPorts } from '../ports';
import { payService } from '../routes';

/** The ports, and the payment account the service's authorizer let through (the runtime has checked the scheme). */
async function payContext(caller: Caller): Promise<{ readonly ports: PayPorts; readonly caller: PayCaller }> {
  const ports = await payPorts();
  return { ports, caller: await payCallerFromContext(caller.kind === 'client' ? caller.attributes : {}, ports) };
}

function answer(result: {
  readonly statusCode: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}): HttpResponse {
  return json(result.statusCode, result.body, result.headers && { ...result.headers });
}

/** A page of the hosted payment page, served as it is. */
function page(result: PageResult): HttpResponse {
  if (result.kind === 'redirect') return { status: result.statusCode, text: '', headers: { location: result.location } };
  const headers = Object.fromEntries(Object.entries(result.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { status: result.statusCode, text: result.html, headers };
}

const handlers: Handlers<typeof payService.routes> = {
  async createPayment(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(
      await createPayment(request.body, caller, ports, { baseUrl: request.baseUrl, idempotencyKey: request.headers['idempotency-key'] }),
    );
  },
  async searchPayments(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(await searchPayments(request.query, caller, ports, { baseUrl: request.baseUrl }));
  },
  async getPayment(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(await getPayment(request.params.paymentId, caller, ports, { baseUrl: request.baseUrl }));
  },
  async cancelPayment(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(await cancelPayment(request.params.paymentId, caller, ports));
  },
  async capturePayment(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(await capturePayment(request.params.paymentId, caller, ports));
  },
  async getPaymentEvents(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(await getPaymentEvents(request.params.paymentId, caller, ports, { baseUrl: request.baseUrl }));
  },
  async createRefund(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(await createRefund(request.params.paymentId, request.body, caller, ports, { baseUrl: request.baseUrl }));
  },
  async getRefunds(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(await getRefunds(request.params.paymentId, caller, ports, { baseUrl: request.baseUrl }));
  },
  async getRefund(request) {
    const { ports, caller } = await payContext(request.caller);
    return answer(await getRefund(request.params.paymentId, request.params.refundId, caller, ports, { baseUrl: request.baseUrl }));
  },
  async showPaymentPage(request) {
    return page(await showPaymentPage(request.params.token, await payPorts(), { baseUrl: request.baseUrl }));
  },
  async submitPaymentPage(request) {
    return page(await submitPaymentPage(request.params.token, request.body, await payPorts(), { baseUrl: request.baseUrl }));
  },
  async cancelPaymentPage(request) {
    return page(await cancelPaymentPage(request.params.token, await payPorts()));
  },
  async startPaymentPage(request) {
    return page(startPaymentPage(request.body.chargeTokenId, { baseUrl: request.baseUrl }));
  },
};

export const handler = createApiHandler(payService, handlers);
