import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { officerOf } from '../app/access';
import { ownerLog, verifyLog } from '../app/log';
import { queryGrant } from '../app/query';
import { decide, requestAccess, visibleRequest } from '../app/requests';
import { getService, listServices, publishService } from '../app/services';
import { exchangePorts } from '../compose';
import { exchangeService } from '../routes';

const handlers: Handlers<typeof exchangeService.routes> = {
  async publishService(request) {
    return json(201, await publishService(await exchangePorts(), officerOf(request.caller), request.body));
  },
  async listServices(request) {
    officerOf(request.caller);
    const page = await listServices(await exchangePorts(), request.query);
    return json(200, { services: page.items, next: page.nextCursor ?? null });
  },
  async getService(request) {
    officerOf(request.caller);
    return json(200, await getService(await exchangePorts(), request.params.id));
  },
  async requestAccess(request) {
    return json(201, await requestAccess(await exchangePorts(), officerOf(request.caller), request.params.id, request.body));
  },
  async getRequest(request) {
    return json(200, await visibleRequest(await exchangePorts(), officerOf(request.caller), request.params.id));
  },
  async decideRequest(request) {
    return json(200, await decide(await exchangePorts(), officerOf(request.caller), request.params.id, request.body));
  },
  async queryGrant(request) {
    return json(200, await queryGrant(await exchangePorts(), officerOf(request.caller), request.params.id, request.body));
  },
  async ownerLog(request) {
    const page = await ownerLog(await exchangePorts(), officerOf(request.caller), request.query);
    return json(200, { entries: page.items, next: page.nextCursor ?? null });
  },
  async verifyLog(request) {
    officerOf(request.caller);
    return json(200, await verifyLog(await exchangePorts()));
  },
};

export const handler = createApiHandler(exchangeService, handlers);
