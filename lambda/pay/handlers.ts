import type { Handlers } from '../shared/api-handler';
import { type HttpResponse, json, type RequestOf } from '../shared/http';
import type { RouteDefinition } from '../shared/route';
import { PayAuthError } from './domain/errors';
import { payOutcome } from './error-format';
import { PAY_AUTH_SCHEME, type payService } from './routes';
import { payPorts } from './runtime';
import {
  cancelPayment,
  cancelPaymentPage,
  capturePayment,
  createPayment,
  createRefund,
  getPayment,
  getPaymentEvents,
  getRefund,
  getRefunds,
  type PageResult,
  type PayCaller,
  type PayPorts,
  payCallerFromContext,
  type ServiceResult,
  searchPayments,
  showPaymentPage,
  submitPaymentPage,
} from './service';

/** The payment account the request acts for, as the service's authorizer established it. */
function payCaller(request: RequestOf<RouteDefinition>, ports: PayPorts): Promise<PayCaller> {
  const caller = request.caller;
  if (caller.kind !== 'client' || caller.scheme !== PAY_AUTH_SCHEME) throw new PayAuthError();
  return payCallerFromContext(caller.attributes, ports);
}

/** An API route: parse (done by the runtime), call with the caller and ports, map the result. */
function api<R extends RouteDefinition>(
  call: (request: RequestOf<R>, caller: PayCaller, ports: PayPorts) => Promise<ServiceResult<unknown>>,
): (request: RequestOf<R>) => Promise<HttpResponse> {
  return (request) =>
    payOutcome(async () => {
      const ports = await payPorts();
      const result = await call(request, await payCaller(request as RequestOf<RouteDefinition>, ports), ports);
      return json(result.statusCode, result.body);
    });
}

/** A page of the hosted payment page, served as it is. */
function page<R extends RouteDefinition>(
  call: (request: RequestOf<R>, ports: PayPorts) => Promise<PageResult>,
): (request: RequestOf<R>) => Promise<HttpResponse> {
  return async (request) => pageResponse(await call(request, await payPorts()));
}

function pageResponse(result: PageResult): HttpResponse {
  if (result.kind === 'redirect') return { status: result.statusCode, text: '', headers: { location: result.location } };
  const headers = Object.fromEntries(Object.entries(result.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { status: result.statusCode, text: result.html, headers };
}

const urls = (request: RequestOf<RouteDefinition>) => ({ baseUrl: request.baseUrl });

export const handlers: Handlers<typeof payService.routes> = {
  createPayment: api((request, caller, ports) =>
    createPayment(request.body, caller, ports, { ...urls(request), idempotencyKey: request.headers['idempotency-key'] }),
  ),
  searchPayments: api((request, caller, ports) => searchPayments(request.query, caller, ports, urls(request))),
  getPayment: api((request, caller, ports) => getPayment(request.params.paymentId, caller, ports, urls(request))),
  cancelPayment: api((request, caller, ports) => cancelPayment(request.params.paymentId, caller, ports)),
  capturePayment: api((request, caller, ports) => capturePayment(request.params.paymentId, caller, ports)),
  getPaymentEvents: api((request, caller, ports) => getPaymentEvents(request.params.paymentId, caller, ports, urls(request))),
  createRefund: api((request, caller, ports) => createRefund(request.params.paymentId, request.body, caller, ports, urls(request))),
  getRefunds: api((request, caller, ports) => getRefunds(request.params.paymentId, caller, ports, urls(request))),
  getRefund: api((request, caller, ports) => getRefund(request.params.paymentId, request.params.refundId, caller, ports, urls(request))),
  showPaymentPage: page((request, ports) => showPaymentPage(request.params.token, ports, urls(request))),
  submitPaymentPage: page((request, ports) => submitPaymentPage(request.params.token, request.body, ports, urls(request))),
  cancelPaymentPage: page((request, ports) => cancelPaymentPage(request.params.token, ports)),
  async startPaymentPage(request) {
    return pageResponse({
      kind: 'redirect',
      statusCode: 303,
      location: `${request.baseUrl}/secure/${encodeURIComponent(request.body.chargeTokenId)}`,
    });
  },
};
