import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { type HttpResponse, json } from '../../shared/http';
import type { Caller } from '../../shared/identity';
import { notifyCaller } from '../app/authenticate';
import { getNotification, listNotifications, sendEmail, sendLetter, sendSms } from '../app/notifications';
import { listReceivedTexts } from '../app/received-texts';
import { getTemplate, getTemplateVersion, listTemplates, previewTemplate } from '../app/templates';
import { notifyPorts } from '../compose';
import type { ServiceResult } from '../ports';
import { notifyService } from '../routes';

/** The ports, and the Notify service the request acts for (the runtime has checked its token and read the request). */
async function portsAndCaller(request: { readonly caller: Caller }) {
  const ports = await notifyPorts();
  return { ports, caller: await notifyCaller(request.caller, ports) };
}

const answer = (result: ServiceResult<unknown>): HttpResponse => json(result.statusCode, result.body);

const handlers: Handlers<typeof notifyService.routes> = {
  sendEmail: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    const options = { baseUrl: request.baseUrl, idempotencyKey: request.headers['idempotency-key'] };
    return answer(await sendEmail(request.body, caller, ports, options));
  },
  sendSms: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    const options = { baseUrl: request.baseUrl, idempotencyKey: request.headers['idempotency-key'] };
    return answer(await sendSms(request.body, caller, ports, options));
  },
  sendLetter: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    return sendLetter(request.body, caller, ports);
  },
  getNotification: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    return answer(await getNotification(request.params.id, caller, ports, request));
  },
  listNotifications: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    return answer(await listNotifications(request.query, caller, ports, request));
  },
  getTemplate: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    return answer(await getTemplate(request.params.id, caller, ports));
  },
  getTemplateVersion: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    return answer(await getTemplateVersion(request.params.id, request.params.version, caller, ports));
  },
  previewTemplate: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    return answer(await previewTemplate(request.params.id, request.body, caller, ports));
  },
  listReceivedTexts: async (request) => {
    const { caller } = await portsAndCaller(request);
    return answer(listReceivedTexts(request.query, caller, request));
  },
  listTemplates: async (request) => {
    const { caller, ports } = await portsAndCaller(request);
    return answer(await listTemplates(request.query, caller, ports));
  },
};

export const handler = createApiHandler(notifyService, handlers);
