import { createApiHandler, type Handlers } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { officerOf } from '../app/access';
import { approveDisposal, getCertificate, listDue } from '../app/disposals';
import { exportRecord } from '../app/export';
import { createClass, deleteClass, getClass, listClasses } from '../app/file-plan';
import { listEvents } from '../app/history';
import { placeHold, releaseHold } from '../app/holds';
import { closeRecord, confirmContent, correctRecord, declareRecord, getRecord, listRecords, recordAction } from '../app/records';
import { changeSchedule, createSchedule, getSchedule, listSchedules } from '../app/schedules';
import { recordsPorts } from '../compose';
import { recordsService } from '../routes';

const contextOf = (request: { requestId: string; sourceIp: string }) => ({ requestId: request.requestId, sourceIp: request.sourceIp });

const handlers: Handlers<typeof recordsService.routes> = {
  async listClasses(request) {
    const page = await listClasses(await recordsPorts(), officerOf(request.caller), request.query);
    return json(200, { classes: page.items, next: page.nextCursor ?? null });
  },
  async createClass(request) {
    return json(201, await createClass(await recordsPorts(), officerOf(request.caller), request.body));
  },
  async getClass(request) {
    return json(200, await getClass(await recordsPorts(), officerOf(request.caller), request.params.code));
  },
  async deleteClass(request) {
    await deleteClass(await recordsPorts(), officerOf(request.caller), request.params.code);
    return { status: 204 };
  },
  async listSchedules(request) {
    const page = await listSchedules(await recordsPorts(), officerOf(request.caller), request.query);
    return json(200, { schedules: page.items, next: page.nextCursor ?? null });
  },
  async createSchedule(request) {
    const { schedule, etag } = await createSchedule(await recordsPorts(), officerOf(request.caller), request.body);
    return json(201, schedule, { etag });
  },
  async getSchedule(request) {
    const { schedule, etag } = await getSchedule(await recordsPorts(), officerOf(request.caller), request.params.id);
    return json(200, schedule, { etag });
  },
  async changeSchedule(request) {
    const { schedule, etag, recomputed } = await changeSchedule(
      await recordsPorts(),
      officerOf(request.caller),
      request.params.id,
      request.body,
      request.headers['if-match'],
      contextOf(request),
    );
    return json(200, { ...schedule, recomputed }, { etag });
  },
  async declareRecord(request) {
    const context = { ...contextOf(request), idempotencyKey: request.headers['idempotency-key'] };
    const { record, upload, replayed } = await declareRecord(await recordsPorts(), officerOf(request.caller), request.body, context);
    return json(replayed ? 200 : 201, { record, upload });
  },
  async listRecords(request) {
    const page = await listRecords(await recordsPorts(), officerOf(request.caller), request.query);
    return json(200, { records: page.items, next: page.nextCursor ?? null });
  },
  async getRecord(request) {
    return json(200, await getRecord(await recordsPorts(), officerOf(request.caller), request.params.id));
  },
  async confirmContent(request) {
    return json(200, await confirmContent(await recordsPorts(), officerOf(request.caller), request.params.id, contextOf(request)));
  },
  async closeRecord(request) {
    const ports = await recordsPorts();
    return json(200, await closeRecord(ports, officerOf(request.caller), request.params.id, request.body, contextOf(request)));
  },
  async recordAction(request) {
    const ports = await recordsPorts();
    return json(200, await recordAction(ports, officerOf(request.caller), request.params.id, request.body, contextOf(request)));
  },
  async correctRecord(request) {
    const ports = await recordsPorts();
    return json(201, await correctRecord(ports, officerOf(request.caller), request.params.id, request.body, contextOf(request)));
  },
  async placeHold(request) {
    const ports = await recordsPorts();
    return json(201, await placeHold(ports, officerOf(request.caller), request.params.id, request.body, contextOf(request)));
  },
  async releaseHold(request) {
    const { id, holdId } = request.params;
    return json(200, await releaseHold(await recordsPorts(), officerOf(request.caller), id, holdId, contextOf(request)));
  },
  async listDue(request) {
    const page = await listDue(await recordsPorts(), officerOf(request.caller), request.query);
    return json(200, { records: page.items, next: page.nextCursor ?? null });
  },
  async approveDisposal(request) {
    return json(200, await approveDisposal(await recordsPorts(), officerOf(request.caller), request.params.id, contextOf(request)));
  },
  async getCertificate(request) {
    return json(200, await getCertificate(await recordsPorts(), officerOf(request.caller), request.params.id));
  },
  async exportRecord(request) {
    const { fileName, archive } = await exportRecord(await recordsPorts(), officerOf(request.caller), request.params.id);
    return {
      status: 200,
      base64: archive.toString('base64'),
      headers: { 'content-type': 'application/x-tar', 'content-disposition': `attachment; filename="${fileName}"` },
    };
  },
  async listEvents(request) {
    const page = await listEvents(await recordsPorts(), officerOf(request.caller), request.params.id, request.query);
    return json(200, { events: page.items, next: page.nextCursor ?? null });
  },
};

export const handler = createApiHandler(recordsService, handlers);
