import type { Handlers } from '../shared/api-handler';
import { type HttpResponse, json, type RequestOf } from '../shared/http';
import type { RouteDefinition } from '../shared/route';
import { NOTIFY_AUTH_SCHEME, refusedToken } from './auth-context';
import { authError } from './domain/errors';
import { notifyOutcome } from './error-format';
import type { notifyService } from './routes';
import { notifyPorts } from './runtime';
import {
  callerFromContext,
  getNotification,
  getTemplate,
  getTemplateVersion,
  listNotifications,
  listTemplates,
  type NotifyCaller,
  type NotifyPorts,
  previewTemplate,
  type ServiceResult,
  sendEmail,
  sendSms,
} from './service';

/**
 * The Notify service the request acts for. The authorizer lets every request with an
 * Authorization header through, marking a refused token with Notify's message, so the answer
 * is Notify's AuthError body rather than API Gateway's.
 */
async function notifyCaller(request: RequestOf<RouteDefinition>, ports: NotifyPorts): Promise<NotifyCaller> {
  const caller = request.caller;
  if (caller.kind !== 'client' || caller.scheme !== NOTIFY_AUTH_SCHEME)
    throw authError('Unauthorized: authentication token must be provided', 401);
  const refusal = refusedToken(caller);
  if (refusal) throw refusal;
  return callerFromContext(caller.attributes, ports);
}

/** Parse (done by the runtime), call with the caller and ports, map the result. */
function serve<R extends RouteDefinition>(
  call: (request: RequestOf<R>, caller: NotifyCaller, ports: NotifyPorts) => Promise<ServiceResult<unknown>>,
): (request: RequestOf<R>) => Promise<HttpResponse> {
  return (request) =>
    notifyOutcome(async () => {
      const ports = await notifyPorts();
      const result = await call(request, await notifyCaller(request as RequestOf<RouteDefinition>, ports), ports);
      return json(result.statusCode, result.body);
    });
}

const sendOptions = (request: RequestOf<RouteDefinition>) => ({
  baseUrl: request.baseUrl,
  idempotencyKey: request.headers['idempotency-key'],
});

export const handlers: Handlers<typeof notifyService.routes> = {
  sendEmail: serve((request, caller, ports) => sendEmail(request.body, caller, ports, sendOptions(request))),
  sendSms: serve((request, caller, ports) => sendSms(request.body, caller, ports, sendOptions(request))),
  getNotification: serve((request, caller, ports) => getNotification(request.params.id, caller, ports, request)),
  listNotifications: serve((request, caller, ports) => listNotifications(request.query, caller, ports, request)),
  getTemplate: serve((request, caller, ports) => getTemplate(request.params.id, caller, ports)),
  getTemplateVersion: serve((request, caller, ports) => getTemplateVersion(request.params.id, request.params.version, caller, ports)),
  previewTemplate: serve((request, caller, ports) => previewTemplate(request.params.id, request.body, caller, ports)),
  listTemplates: serve((request, caller, ports) => listTemplates(request.query, caller, ports)),
};
