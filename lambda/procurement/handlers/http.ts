import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { citizenOf, officerOf } from '../app/access';
import { tenderAudit } from '../app/audit';
import { awardTender } from '../app/award';
import { myBid, submitBid, withdrawBid } from '../app/bids';
import { answerQuestion, askQuestion, listClarifications } from '../app/clarifications';
import { amendContract, recordImplementation, terminateContract } from '../app/contract';
import { recordPackage, releasePackage } from '../app/ocds';
import { getOpening, openedBids, openTender } from '../app/opening';
import { mySupplier, registerSupplier } from '../app/suppliers';
import { amendTender, createTender, getOwnTender, getTender, listTenders, publishTender } from '../app/tenders';
import { procurementPorts } from '../compose';
import { procurementService } from '../routes';

const contextOf = (request: { requestId: string; sourceIp: string }) => ({ requestId: request.requestId, sourceIp: request.sourceIp });

/** The address a package was asked for at, for its `uri`. */
function requestUri(request: { baseUrl: string; path: string; query: Record<string, unknown> }): string {
  const url = new URL(`${request.baseUrl}${request.path.replace(/^\/procurement/, '')}`);
  for (const [k, v] of Object.entries(request.query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

const handlers: Handlers<typeof procurementService.routes> = {
  async registerSupplier(request) {
    return json(201, await registerSupplier(await procurementPorts(), citizenOf(request.caller), request.body, contextOf(request)));
  },
  async mySupplier(request) {
    return json(200, await mySupplier(await procurementPorts(), citizenOf(request.caller)));
  },
  async createTender(request) {
    const context = { ...contextOf(request), idempotencyKey: request.headers['idempotency-key'] };
    const { replayed, ...tender } = await createTender(await procurementPorts(), officerOf(request.caller), request.body, context);
    return json(replayed ? 200 : 201, tender);
  },
  async listTenders(request) {
    const page = await listTenders(await procurementPorts(), request.query);
    return json(200, { tenders: page.items, next: page.nextCursor ?? null });
  },
  async getTender(request) {
    return json(200, await getTender(await procurementPorts(), request.params.id));
  },
  async getOwnTender(request) {
    return json(200, await getOwnTender(await procurementPorts(), officerOf(request.caller), request.params.id));
  },
  async publishTender(request) {
    return json(200, await publishTender(await procurementPorts(), officerOf(request.caller), request.params.id, contextOf(request)));
  },
  async amendTender(request) {
    const ports = await procurementPorts();
    return json(200, await amendTender(ports, officerOf(request.caller), request.params.id, request.body, contextOf(request)));
  },
  async askQuestion(request) {
    const ports = await procurementPorts();
    return json(201, await askQuestion(ports, citizenOf(request.caller), request.params.id, request.body.question, contextOf(request)));
  },
  async answerQuestion(request) {
    const { id, questionId } = request.params;
    const ports = await procurementPorts();
    return json(200, await answerQuestion(ports, officerOf(request.caller), id, questionId, request.body.answer, contextOf(request)));
  },
  async listClarifications(request) {
    const page = await listClarifications(await procurementPorts(), request.params.id, request.query);
    return json(200, { clarifications: page.items, next: page.nextCursor ?? null });
  },
  async submitBid(request) {
    const ports = await procurementPorts();
    const { receipt, created } = await submitBid(ports, citizenOf(request.caller), request.params.id, request.body, contextOf(request));
    return json(created ? 201 : 200, receipt);
  },
  async getBid(request) {
    return json(200, await myBid(await procurementPorts(), citizenOf(request.caller), request.params.id));
  },
  async withdrawBid(request) {
    return json(200, await withdrawBid(await procurementPorts(), citizenOf(request.caller), request.params.id, contextOf(request)));
  },
  async openTender(request) {
    const result = await openTender(await procurementPorts(), officerOf(request.caller), request.params.id, contextOf(request));
    return json(result.state === 'opened' ? 200 : 202, result);
  },
  async getOpening(request) {
    return json(200, await getOpening(await procurementPorts(), officerOf(request.caller), request.params.id));
  },
  async openedBids(request) {
    return json(200, {
      bids: await openedBids(await procurementPorts(), officerOf(request.caller), request.params.id, contextOf(request)),
    });
  },
  async awardTender(request) {
    const ports = await procurementPorts();
    return json(200, await awardTender(ports, officerOf(request.caller), request.params.id, request.body, contextOf(request)));
  },
  async amendContract(request) {
    const ports = await procurementPorts();
    return json(200, await amendContract(ports, officerOf(request.caller), request.params.id, request.body, contextOf(request)));
  },
  async recordImplementation(request) {
    const ports = await procurementPorts();
    return json(200, await recordImplementation(ports, officerOf(request.caller), request.params.id, request.body, contextOf(request)));
  },
  async terminateContract(request) {
    const ports = await procurementPorts();
    return json(
      200,
      await terminateContract(ports, officerOf(request.caller), request.params.id, request.body.rationale, contextOf(request)),
    );
  },
  async tenderAudit(request) {
    const page = await tenderAudit(await procurementPorts(), officerOf(request.caller), request.params.id, request.query);
    return json(200, { events: page.items, next: page.nextCursor ?? null });
  },
  async listReleases(request) {
    return json(200, await releasePackage(await procurementPorts(), request.query, requestUri(request)));
  },
  async getRecord(request) {
    return json(200, await recordPackage(await procurementPorts(), request.params.ocid, requestUri(request)));
  },
};

export const handler = createApiHandler(procurementService, handlers);
