import { createHash } from 'node:crypto';
import { approveDisposal, getCertificate, listDue } from '../../../../lambda/records/app/disposals';
import { listEvents } from '../../../../lambda/records/app/history';
import { placeHold } from '../../../../lambda/records/app/holds';
import { confirmContent, declareRecord, getRecord } from '../../../../lambda/records/app/records';
import { dynamoPorts } from '../../../../lambda/records/compose';
import { type Officer, SENIOR_OFFICER_ROLE } from '../../../../lambda/records/domain/caller';
import type { RecordsPorts } from '../../../../lambda/records/ports';
import { seedDepartment, seedManager } from '../../../../lambda/records/seed';
import { storage } from '../../../../lambda/records/storage';
import { DomainOnlyObjectLocks } from '../../../../lambda/records/store/content-store';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';
import { refusal } from '../../../helpers/refusal';

const NOW = new Date('2026-06-01T02:00:00.000Z');
const DAY = 86_400_000;
const manager = seedManager('DPO');
const senior: Officer = { department: 'DPO', subject: 'senior-officer-dpo', roles: ['officer', SENIOR_OFFICER_ROLE] };
const officer: Officer = { department: 'DPO', subject: 'officer-dpo', roles: ['officer'] };
const context = { requestId: 'req-1', sourceIp: '10.0.0.1' };

describe('disposal: due, approved twice, disposed of, certified', () => {
  useEmbeddedStorage('records', storage);
  let ports: RecordsPorts;
  let clock = NOW;

  beforeAll(async () => {
    ports = dynamoPorts({ locks: new DomainOnlyObjectLocks(), clock: () => clock });
    await seedDepartment(ports, 'DPO');
  });
  afterEach(() => {
    clock = NOW;
  });

  /** A contract record (GRDS-CON-1: 7 years after the contract's end) whose contract ended long ago: due, locked a day. */
  async function dueRecord(triggerDate = '2015-01-01') {
    const file = Buffer.from(`contract ${Math.random()}`);
    const { record, upload } = await declareRecord(
      ports,
      officer,
      {
        classCode: 'ADM-02-001',
        metadata: { title: 'Cleaning contract', language: 'en', securityClassification: 'UNCLASSIFIED', keywords: [] },
        content: {
          fileName: 'contract.pdf',
          contentType: 'application/pdf',
          size: file.length,
          sha256: createHash('sha256').update(file).digest('hex'),
        },
        triggerDate,
      },
      context,
    );
    await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file });
    return confirmContent(ports, officer, record.id, context);
  }

  it('lists the records due and not disposed of, for records managers', async () => {
    const due = await dueRecord();
    const later = await dueRecord('2025-01-01');
    const listed = (await listDue(ports, manager, { limit: 100 })).items.map((r) => r.id);
    expect(listed).toContain(due.id);
    expect(listed).not.toContain(later.id);
    expect((await refusal(listDue(ports, officer, { limit: 10 }))).status).toBe(403);
  });

  it('destroys the content after a records manager and then a senior officer approve, once the lock has expired, and leaves a certificate', async () => {
    const record = await dueRecord();
    const first = await approveDisposal(ports, manager, record.id, context);
    expect(first.disposal?.approvals.map((a) => a.role)).toEqual(['records-manager']);
    expect(first.state).toBe('kept');
    // Locked for a day from declaration: S3 would refuse the delete, so the domain does first.
    expect((await refusal(approveDisposal(ports, senior, record.id, context))).code).toBe('still_locked');
    clock = new Date(NOW.getTime() + 2 * DAY);
    const done = await approveDisposal(ports, senior, record.id, context);
    expect(done).toMatchObject({ state: 'destroyed', disposal: { action: 'destroy', disposedAt: clock.toISOString() } });
    expect(await ports.content.describe(record.content.objectKey)).toBeUndefined();
    const certificate = await getCertificate(ports, officer, record.id);
    expect(certificate).toMatchObject({
      recordId: record.id,
      scheduleId: 'GRDS-CON-1',
      scheduleVersion: 1,
      action: 'destroy',
      dueAt: '2022-01-01T00:00:00.000Z',
      approvals: [
        { role: 'records-manager', by: manager.subject },
        { role: 'senior-officer', by: senior.subject },
      ],
      content: { sha256: record.content.sha256 },
    });
    const types = (await listEvents(ports, manager, record.id, { limit: 50 })).items.map((e) => e.type);
    expect(types.slice(-3)).toEqual(['disposal-approved', 'disposal-approved', 'disposed']);
    expect((await refusal(approveDisposal(ports, senior, record.id, context))).code).toBe('record_disposed');
    expect((await listDue(ports, manager, { limit: 100 })).items.map((r) => r.id)).not.toContain(record.id);
  });

  it('refuses the same officer approving twice, even one with both roles', async () => {
    const record = await dueRecord();
    const both: Officer = { ...manager, roles: [...manager.roles, SENIOR_OFFICER_ROLE] };
    await approveDisposal(ports, both, record.id, context);
    clock = new Date(NOW.getTime() + 2 * DAY);
    const error = await refusal(approveDisposal(ports, both, record.id, context));
    expect([error.status, error.code]).toEqual([409, 'same_officer']);
    expect((await getRecord(ports, officer, record.id)).state).toBe('kept');
  });

  it('refuses the second approval once a hold is placed after the first, changing nothing', async () => {
    const record = await dueRecord();
    await approveDisposal(ports, manager, record.id, context);
    await placeHold(ports, manager, record.id, { reason: 'Claim by the contractor' }, context);
    clock = new Date(NOW.getTime() + 2 * DAY);
    const before = await getRecord(ports, officer, record.id);
    const error = await refusal(approveDisposal(ports, senior, record.id, context));
    expect([error.status, error.code]).toEqual([409, 'record_held']);
    expect(await getRecord(ports, officer, record.id)).toEqual(before);
    expect(await ports.content.describe(record.content.objectKey)).toBeDefined();
    expect((await refusal(getCertificate(ports, officer, record.id))).status).toBe(404);
  });

  it('refuses a disposal before the record is due, and approvals by officers without the roles', async () => {
    const record = await dueRecord('2025-01-01');
    expect((await refusal(approveDisposal(ports, manager, record.id, context))).code).toBe('not_due');
    const due = await dueRecord();
    expect((await refusal(approveDisposal(ports, officer, due.id, context))).status).toBe(403);
    expect((await refusal(approveDisposal(ports, senior, due.id, context))).status).toBe(403);
  });
});
