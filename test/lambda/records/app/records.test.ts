import { createHash } from 'node:crypto';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { exportRecord } from '../../../../lambda/records/app/export';
import { deleteClass } from '../../../../lambda/records/app/file-plan';
import { listEvents } from '../../../../lambda/records/app/history';
import { placeHold, releaseHold } from '../../../../lambda/records/app/holds';
import { closeRecord, confirmContent, correctRecord, declareRecord, getRecord, recordAction } from '../../../../lambda/records/app/records';
import { changeSchedule, getSchedule } from '../../../../lambda/records/app/schedules';
import { dynamoPorts, objectLocksFor, readLockPolicy } from '../../../../lambda/records/compose';
import type { Officer } from '../../../../lambda/records/domain/caller';
import type { DeclareRecordInput } from '../../../../lambda/records/domain/schemas';
import type { RecordsPorts } from '../../../../lambda/records/ports';
import { seedDepartment, seedManager } from '../../../../lambda/records/seed';
import { storage } from '../../../../lambda/records/storage';
import { DomainOnlyObjectLocks, S3ObjectLocks } from '../../../../lambda/records/store/content-store';
import { s3 } from '../../../../lambda/shared/aws-clients';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';
import { refusal } from '../../../helpers/refusal';

const NOW = new Date('2026-06-01T02:00:00.000Z');
const manager = seedManager('DPO');
const officer: Officer = { department: 'DPO', subject: 'officer-dpo', roles: ['officer'] };
const context = { requestId: 'req-1', sourceIp: '10.0.0.1' };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function declaration(file: Buffer, classCode = 'ADM-01-001'): DeclareRecordInput {
  return {
    classCode,
    metadata: { title: 'Lease of the Wan Chai office', language: 'en', securityClassification: 'RESTRICTED', keywords: ['lease'] },
    content: { fileName: 'lease.pdf', contentType: 'application/pdf', size: file.length, sha256: sha256(file) },
  };
}

/** The HTTP error a call rejects with, or fails the test. */
/** Every item of the records table, to show a refused request changed nothing. */
async function tableItems(): Promise<string[]> {
  const client = new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const { Items = [] } = await client.send(new ScanCommand({ TableName: process.env.TABLE_RECORDS, ConsistentRead: true }));
  return Items.map((i) => JSON.stringify(i)).sort();
}

describe('records use cases over embedded DynamoDB and S3', () => {
  useEmbeddedStorage('records', storage);
  let ports: RecordsPorts;
  let locks: DomainOnlyObjectLocks;
  let clock = NOW;

  beforeAll(async () => {
    locks = new DomainOnlyObjectLocks();
    ports = dynamoPorts({ locks, clock: () => clock });
    await seedDepartment(ports, 'DPO');
  });

  /** Declares a record, PUTs its content with the presigned request as a client would, and confirms it. */
  async function keptRecord(file = Buffer.from(`minutes ${Math.random()}`)) {
    const { record, upload } = await declareRecord(ports, officer, declaration(file), context);
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file });
    expect(put.status).toBe(200);
    return confirmContent(ports, officer, record.id, context);
  }

  it('writes content under the lock of its schedule: the presigned PUT signs the mode, the retain-until date and the checksum', async () => {
    const file = Buffer.from('lease text');
    const { record, upload } = await declareRecord(ports, officer, declaration(file), context);
    // GRDS-ADM-1 counts 7 years from closing; while the file is open the lock runs 7 years from declaration.
    expect(record.lock).toEqual({ mode: 'COMPLIANCE', retainUntil: '2033-06-01T02:00:00.000Z' });
    expect(record.dueAt).toBeUndefined();
    expect(upload.headers).toMatchObject({
      'x-amz-object-lock-mode': 'COMPLIANCE',
      'x-amz-object-lock-retain-until-date': '2033-06-01T02:00:00.000Z',
      'x-amz-checksum-sha256': Buffer.from(sha256(file), 'hex').toString('base64'),
    });
    const signed = new URL(upload.url).searchParams.get('X-Amz-SignedHeaders')?.split(';') ?? [];
    expect(signed).toEqual(
      expect.arrayContaining(['content-length', 'x-amz-checksum-sha256', 'x-amz-object-lock-mode', 'x-amz-object-lock-retain-until-date']),
    );
    expect(record.state).toBe('awaiting-content');
  });

  it('locks in GOVERNANCE mode where the config says so, with its reason on the record', async () => {
    const governed = dynamoPorts({
      locks,
      clock: () => clock,
      lockPolicy: { mode: 'GOVERNANCE', reason: 'Pilot records, unlocked by the records office.' },
    });
    const { record, upload } = await declareRecord(governed, officer, declaration(Buffer.from('pilot')), context);
    expect(record.lock).toMatchObject({ mode: 'GOVERNANCE', reason: 'Pilot records, unlocked by the records office.' });
    expect(upload.headers['x-amz-object-lock-mode']).toBe('GOVERNANCE');
  });

  it('keeps a record once its content arrives with the declared checksum, and never takes other content', async () => {
    const file = Buffer.from('first and only content');
    const { record, upload } = await declareRecord(ports, officer, declaration(file), context);
    await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file });
    const kept = await confirmContent(ports, officer, record.id, context);
    expect(kept).toMatchObject({ state: 'kept', content: { sha256: sha256(file) }, version: 2 });
    // Embedded S3 has no Object Lock and lets the URL overwrite the object: the domain refuses it all the same.
    const other = Buffer.from('first and only contenX');
    await fetch(upload.url, {
      method: 'PUT',
      headers: { ...upload.headers, 'x-amz-checksum-sha256': Buffer.from(sha256(other), 'hex').toString('base64') },
      body: other,
    });
    const error = await refusal(confirmContent(ports, officer, record.id, context));
    expect([error.status, error.code]).toEqual([409, 'record_immutable']);
    expect((await getRecord(ports, officer, record.id)).content.sha256).toBe(sha256(file));
    // And the overwritten bytes are never exported as the record: the bag is checked against the checksum of capture.
    expect((await refusal(exportRecord(ports, manager, record.id))).code).toBe('fixity_failed');
  });

  it('refuses content that is not the file declared, with 422, changing nothing', async () => {
    const declared = Buffer.from('the declared file');
    const { record, upload } = await declareRecord(ports, officer, declaration(declared), context);
    const other = Buffer.from('another file entirely');
    await fetch(upload.url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: other });
    const before = await tableItems();
    const error = await refusal(confirmContent(ports, officer, record.id, context));
    expect([error.status, error.code]).toEqual([422, 'checksum_mismatch']);
    expect(await tableItems()).toEqual(before);
    expect((await getRecord(ports, officer, record.id)).state).toBe('awaiting-content');
  });

  it('refuses a record in a class that names no schedule, with 422, changing nothing', async () => {
    const before = await tableItems();
    const error = await refusal(
      declareRecord(ports, officer, declaration(Buffer.from('x'), 'ADM-01'), { ...context, idempotencyKey: 'declare-into-activity' }),
    );
    expect([error.status, error.code]).toEqual([422, 'class_without_schedule']);
    expect(await tableItems()).toEqual(before);
  });

  it('extends the lock in S3 when closing the file gives the record its due date', async () => {
    const kept = await keptRecord();
    clock = new Date('2027-03-01T00:00:00.000Z');
    const closed = await closeRecord(ports, officer, kept.id, {}, context);
    clock = NOW;
    expect(closed).toMatchObject({
      closedAt: '2027-03-01T00:00:00.000Z',
      dueAt: '2034-03-01T00:00:00.000Z',
      lock: { retainUntil: '2034-03-01T00:00:00.000Z' },
    });
    expect(locks.calls.at(-1)).toEqual({
      key: kept.content.objectKey,
      versionId: undefined,
      retention: { mode: 'COMPLIANCE', retainUntil: '2034-03-01T00:00:00.000Z' },
    });
    const action = await recordAction(ports, officer, kept.id, { description: 'Lease renewed' }, context);
    expect(action.lastActionAt).toBe(NOW.toISOString());
  });

  it('places an S3 legal hold with the first hold and lifts it with the last, for records managers only', async () => {
    const kept = await keptRecord();
    expect((await refusal(placeHold(ports, officer, kept.id, { reason: 'Court order' }, context))).status).toBe(403);
    const once = await placeHold(ports, manager, kept.id, { reason: 'Court order HCA 123/2026' }, context);
    expect(locks.calls.at(-1)).toEqual({ key: kept.content.objectKey, versionId: undefined, legalHold: true });
    const twice = await placeHold(ports, manager, kept.id, { reason: 'Audit inquiry' }, context);
    expect(twice.holds).toHaveLength(2);
    const calls = locks.calls.length;
    await releaseHold(ports, manager, kept.id, once.holds[0].id, context);
    expect(locks.calls).toHaveLength(calls); // one hold remains: the object stays held
    const free = await releaseHold(ports, manager, kept.id, twice.holds[1].id, context);
    expect(free.holds).toEqual([]);
    expect(locks.calls.at(-1)).toEqual({ key: kept.content.objectKey, versionId: undefined, legalHold: false });
  });

  it('recomputes due dates and extends locks when a records manager changes a schedule, and records it in each history', async () => {
    const kept = await keptRecord();
    clock = new Date('2027-01-01T00:00:00.000Z');
    await closeRecord(ports, officer, kept.id, {}, context);
    clock = new Date('2027-01-02T00:00:00.000Z');
    const { etag } = await getSchedule(ports, manager, 'GRDS-ADM-1');
    const change = {
      title: 'Ten years after closing',
      trigger: 'file-closed' as const,
      retention: { years: 10, months: 0 },
      action: 'destroy' as const,
    };
    expect((await refusal(changeSchedule(ports, officer, 'GRDS-ADM-1', change, etag, context))).status).toBe(403);
    expect((await refusal(changeSchedule(ports, manager, 'GRDS-ADM-1', change, '"99"', context))).status).toBe(412);
    const changed = await changeSchedule(ports, manager, 'GRDS-ADM-1', change, etag, context);
    clock = NOW;
    expect(changed.schedule.version).toBe(2);
    expect(changed.recomputed).toBeGreaterThanOrEqual(1);
    const after = await getRecord(ports, officer, kept.id);
    expect(after).toMatchObject({ dueAt: '2037-01-01T00:00:00.000Z', lock: { retainUntil: '2037-01-01T00:00:00.000Z' } });
    expect(locks.calls).toContainEqual({
      key: kept.content.objectKey,
      versionId: undefined,
      retention: { mode: 'COMPLIANCE', retainUntil: '2037-01-01T00:00:00.000Z' },
    });
    const history = await listEvents(ports, manager, kept.id, { limit: 100 });
    expect(history.items.map((e) => e.type)).toEqual(['declared', 'content-stored', 'closed', 'due-recomputed', 'due-recomputed']);
    expect(history.items.at(-1)?.details).toMatchObject({
      cause: 'schedule GRDS-ADM-1 changed to version 2',
      dueAt: '2037-01-01T00:00:00.000Z',
    });
    expect((await refusal(listEvents(ports, officer, kept.id, { limit: 10 }))).status).toBe(403);
  });

  it('corrects a kept record with a new record linked both ways, once', async () => {
    const kept = await keptRecord();
    const file = Buffer.from('corrected minutes');
    const input = {
      metadata: { ...declaration(file).metadata, title: 'Corrected' },
      content: declaration(file).content,
      reason: 'Wrong date in the minutes',
    };
    const { record: correction } = await correctRecord(ports, officer, kept.id, input, context);
    expect(correction).toMatchObject({ supersedes: kept.id, state: 'awaiting-content', classCode: kept.classCode });
    expect((await getRecord(ports, officer, kept.id)).supersededBy).toBe(correction.id);
    expect((await refusal(correctRecord(ports, officer, kept.id, input, context))).code).toBe('record_immutable');
  });

  it('refuses to delete a class that holds records, and deletes an empty one', async () => {
    const error = await refusal(deleteClass(ports, manager, 'ADM-01-001'));
    expect([error.status, error.code]).toEqual([409, 'class_in_use']);
    expect((await refusal(deleteClass(ports, manager, 'ADM-01'))).code).toBe('class_in_use');
    await deleteClass(ports, manager, 'POL-01-001');
    expect((await refusal(deleteClass(ports, manager, 'POL-01-001'))).status).toBe(404);
  });

  it("answers another department's record as one that does not exist", async () => {
    const kept = await keptRecord();
    const stranger: Officer = { department: 'TD', subject: 'officer-td', roles: ['officer'] };
    expect((await refusal(getRecord(ports, stranger, kept.id))).status).toBe(404);
  });
});

describe('Object Lock calls to S3', () => {
  it('names the mode, the retain-until date and the legal hold of the object version', async () => {
    process.env.BUCKET_RECORDS_CONTENT = 'records-content';
    const sent: { command: string; input: Record<string, unknown> }[] = [];
    const client = s3();
    const capture = () => async (args: { input: Record<string, unknown> }) => ({ output: { $metadata: {} }, response: {}, args });
    client.middlewareStack.add(
      ((_next: unknown, ctx: { commandName: string }) => async (args: { input: Record<string, unknown> }) => {
        sent.push({ command: ctx.commandName, input: args.input });
        return capture()(args);
      }) as never,
      { step: 'initialize', name: 'captureObjectLock' },
    );
    try {
      const locks = new S3ObjectLocks();
      await locks.extendRetention('records/DPO/r/a.pdf', 'v1', 'COMPLIANCE', '2034-03-01T00:00:00.000Z');
      await locks.setLegalHold('records/DPO/r/a.pdf', 'v1', true);
    } finally {
      client.middlewareStack.remove('captureObjectLock');
    }
    expect(sent).toEqual([
      {
        command: 'PutObjectRetentionCommand',
        input: expect.objectContaining({
          Key: 'records/DPO/r/a.pdf',
          VersionId: 'v1',
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date('2034-03-01T00:00:00.000Z') },
        }),
      },
      { command: 'PutObjectLegalHoldCommand', input: expect.objectContaining({ VersionId: 'v1', LegalHold: { Status: 'ON' } }) },
    ]);
  });

  it('goes to S3 in AWS and to the domain over embedded S3, which has no Object Lock', () => {
    expect(objectLocksFor({})).toBeInstanceOf(S3ObjectLocks);
    expect(objectLocksFor({ S3_ENDPOINT: 'http://127.0.0.1:1' })).toBeInstanceOf(DomainOnlyObjectLocks);
  });

  it('reads the lock mode, and refuses GOVERNANCE without a reason', () => {
    expect(readLockPolicy({})).toEqual({ mode: 'COMPLIANCE' });
    expect(readLockPolicy({ RECORDS_LOCK_MODE: 'GOVERNANCE', RECORDS_GOVERNANCE_REASON: 'why' })).toEqual({
      mode: 'GOVERNANCE',
      reason: 'why',
    });
    expect(() => readLockPolicy({ RECORDS_LOCK_MODE: 'GOVERNANCE' })).toThrow(/must say why/);
    expect(() => readLockPolicy({ RECORDS_LOCK_MODE: 'LOOSE' })).toThrow(/COMPLIANCE, GOVERNANCE/);
  });
});
