import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { adminOf, officerOf } from '../app/access';
import { aggregate } from '../app/aggregation';
import { figuresDictionary } from '../app/dictionary';
import { dayFigures, serviceFigures } from '../app/figures';
import { acceptBeacon, storeReports } from '../app/ingest';
import { adviseReview, fileReview, getReview, listReviews } from '../app/reviews';
import { getService, listServices, registerService } from '../app/services';
import { usagePorts } from '../compose';
import { usageService } from '../routes';

const handlers: Handlers<typeof usageService.routes> = {
  async registerService(request) {
    return json(201, await registerService(await usagePorts(), officerOf(request.caller), request.body));
  },
  async listServices(request) {
    const page = await listServices(await usagePorts(), request.query);
    return json(200, { services: page.items, next: page.nextCursor ?? null });
  },
  async getService(request) {
    return json(200, await getService(await usagePorts(), request.params.id));
  },
  async beacon(request) {
    const origin = { sourceIp: request.sourceIp, userAgent: request.headers['user-agent'] ?? '' };
    return json(202, await acceptBeacon(await usagePorts(), request.body, origin));
  },
  async report(request) {
    return json(200, await storeReports(await usagePorts(), officerOf(request.caller), request.body));
  },
  async serviceFigures(request) {
    return json(200, { figures: await serviceFigures(await usagePorts(), request.params.id, request.query) });
  },
  async dayFigures(request) {
    return json(200, { figures: await dayFigures(await usagePorts(), request.params.date) });
  },
  async dictionary() {
    return json(200, figuresDictionary());
  },
  async aggregate(request) {
    return json(200, await aggregate(await usagePorts(), request.body.date));
  },
  async listReviews(request) {
    return json(200, { reviews: await listReviews(await usagePorts(), request.query.state) });
  },
  async getReview(request) {
    return json(200, await getReview(await usagePorts(), request.caller, request.params.id));
  },
  async fileReview(request) {
    return json(200, await fileReview(await usagePorts(), officerOf(request.caller), request.params.id, request.body));
  },
  async adviseReview(request) {
    return json(201, await adviseReview(await usagePorts(), adminOf(request.caller), request.params.id, request.body.text));
  },
};

export const handler = createApiHandler(usageService, handlers);
