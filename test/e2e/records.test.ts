import { createHash } from 'node:crypto';
import { call, useLocalPlatform } from '../helpers/local-platform';
import { bagProblems, untar } from '../lambda/records/bag-validator';

/** The demo flow of the records service over HTTP, with the tokens and keys local mode prints. */
describe('records API over HTTP in local mode', () => {
  const platform = useLocalPlatform(['records']);
  const as = (who: 'manager' | 'officer', code = 'DPO') => ({
    token: who === 'manager' ? platform.current.credentials[`RECORDS_MANAGER_TOKEN_${code}`] : platform.current.tokens.officers[code],
    apiKey: platform.current.apiKeys[code],
  });
  const file = Buffer.from('Minutes of the accommodation committee, 3 March 2026');
  const content = {
    fileName: 'minutes.pdf',
    contentType: 'application/pdf',
    size: file.length,
    sha256: createHash('sha256').update(file).digest('hex'),
  };

  it('serves each demo department a seeded three-level file plan and its schedules', async () => {
    for (const code of ['DPO', 'TD', 'FEHD']) {
      const plan = await call(platform.current, 'GET', '/records/v1/file-plan?limit=100', as('officer', code));
      expect(plan.status).toBe(200);
      expect(plan.json.classes.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['ADM', 'ADM-01', 'ADM-01-001']));
      const schedules = await call(platform.current, 'GET', '/records/v1/schedules', as('officer', code));
      expect(schedules.json.schedules.map((s: { id: string }) => s.id)).toEqual(['GRDS-ADM-1', 'GRDS-ADM-2', 'GRDS-CON-1']);
    }
  });

  it('declares a record, takes its content by presigned PUT, and finds, closes and holds it', async () => {
    const declared = await call(platform.current, 'POST', '/records/v1/records', {
      ...as('officer'),
      headers: { 'idempotency-key': 'declare-minutes-0001' },
      body: { classCode: 'ADM-01-001', metadata: { title: 'Accommodation committee minutes' }, content },
    });
    expect(declared.status).toBe(201);
    const { record, upload } = declared.json;
    expect(upload.headers['x-amz-object-lock-mode']).toBe('COMPLIANCE');
    const replay = await call(platform.current, 'POST', '/records/v1/records', {
      ...as('officer'),
      headers: { 'idempotency-key': 'declare-minutes-0001' },
      body: { classCode: 'ADM-01-001', metadata: { title: 'Accommodation committee minutes' }, content },
    });
    expect([replay.status, replay.json.record.id]).toEqual([200, record.id]);

    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file })).status).toBe(200);
    const kept = await call(platform.current, 'POST', `/records/v1/records/${record.id}/content`, as('officer'));
    expect([kept.status, kept.json.state]).toEqual([200, 'kept']);

    const found = await call(platform.current, 'GET', '/records/v1/records?classCode=ADM-01-001', as('officer'));
    expect(found.json.records.map((r: { id: string }) => r.id)).toContain(record.id);
    const closed = await call(platform.current, 'POST', `/records/v1/records/${record.id}/close`, { ...as('officer'), body: {} });
    expect(closed.json.dueAt).toBeDefined();
    const held = await call(platform.current, 'POST', `/records/v1/records/${record.id}/holds`, {
      ...as('manager'),
      body: { reason: 'Audit inquiry' },
    });
    expect([held.status, held.json.holds.length]).toEqual([201, 1]);
    const events = await call(platform.current, 'GET', `/records/v1/records/${record.id}/events`, as('manager'));
    expect(events.json.events.map((e: { type: string }) => e.type)).toEqual([
      'declared',
      'content-stored',
      'closed',
      'due-recomputed',
      'hold-placed',
    ]);
    expect((await call(platform.current, 'GET', `/records/v1/records/${record.id}/events`, as('officer'))).status).toBe(403);
    expect((await call(platform.current, 'GET', `/records/v1/records/${record.id}`, as('officer', 'TD'))).status).toBe(404);
  });

  it('disposes of a due record after two approvals, leaving its certificate, and exports it as a valid BagIt bag', async () => {
    const manager = as('manager');
    const schedule = {
      id: 'E2E-TR-1',
      title: 'Contracts of archival value: transfer a year after they end',
      trigger: 'date',
      retention: { years: 1 },
      action: 'transfer',
    };
    expect((await call(platform.current, 'POST', '/records/v1/schedules', { ...manager, body: schedule })).status).toBe(201);
    for (const [code, level] of [
      ['EXT', 'function'],
      ['EXT-01', 'activity'],
      ['EXT-01-001', 'transaction'],
    ]) {
      const body = {
        code,
        level,
        title: { en: `Class ${code}`, zh: `類別 ${code}` },
        ...(level === 'transaction' ? { scheduleId: 'E2E-TR-1' } : {}),
      };
      expect((await call(platform.current, 'POST', '/records/v1/file-plan', { ...manager, body })).status).toBe(201);
    }
    const declared = await call(platform.current, 'POST', '/records/v1/records', {
      ...as('officer'),
      body: { classCode: 'EXT-01-001', metadata: { title: 'Harbour works contract' }, content, triggerDate: '2015-06-30' },
    });
    const { record, upload } = declared.json;
    await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: file });
    expect((await call(platform.current, 'POST', `/records/v1/records/${record.id}/content`, as('officer'))).status).toBe(200);

    const due = await call(platform.current, 'GET', '/records/v1/disposals', manager);
    expect(due.json.records.map((r: { id: string }) => r.id)).toContain(record.id);
    const path = `/records/v1/records/${record.id}/disposal/approvals`;
    expect((await call(platform.current, 'POST', path, manager)).json.disposal.approvals).toHaveLength(1);
    // The records manager, holding the senior officer's role too, cannot give the second approval.
    const both = await platform.current.localTokens.staff('records-manager-dpo', 'DPO', ['officer', 'records-manager', 'senior-officer']);
    const twice = await call(platform.current, 'POST', path, { token: both, apiKey: manager.apiKey });
    expect([twice.status, twice.json.error.code]).toEqual([409, 'same_officer']);
    const senior = { token: platform.current.credentials.SENIOR_OFFICER_TOKEN_DPO, apiKey: manager.apiKey };
    const disposed = await call(platform.current, 'POST', path, senior);
    expect([disposed.status, disposed.json.state]).toEqual([200, 'transferred']);
    const certificate = await call(platform.current, 'GET', `/records/v1/records/${record.id}/disposal-certificate`, as('officer'));
    expect(certificate.json).toMatchObject({
      action: 'transfer',
      scheduleId: 'E2E-TR-1',
      approvals: [{ by: 'records-manager-dpo' }, { by: 'senior-officer-dpo' }],
    });

    const exported = await fetch(`${platform.current.url}/records/v1/records/${record.id}/export`, {
      headers: { authorization: `Bearer ${manager.token}`, 'x-api-key': manager.apiKey },
    });
    expect([exported.status, exported.headers.get('content-type')]).toEqual([200, 'application/x-tar']);
    const archive = Buffer.from(await exported.arrayBuffer());
    expect(bagProblems(archive)).toEqual([]);
    const entries = untar(archive);
    expect(entries.get(`record-${record.id}/data/minutes.pdf`)).toEqual(file);
    expect(JSON.parse(entries.get(`record-${record.id}/disposal-certificate.json`)?.toString() ?? '{}').action).toBe('transfer');
  });

  it('answers bad input with a 4xx in the platform error shape', async () => {
    const noSchedule = await call(platform.current, 'POST', '/records/v1/records', {
      ...as('officer'),
      body: { classCode: 'ADM-01', metadata: { title: 'x' }, content },
    });
    expect([noSchedule.status, noSchedule.json.error.code]).toEqual([422, 'class_without_schedule']);
    const inUse = await call(platform.current, 'DELETE', '/records/v1/file-plan/ADM', as('manager'));
    expect([inUse.status, inUse.json.error.code]).toEqual([409, 'class_in_use']);
    const notManager = await call(platform.current, 'POST', '/records/v1/schedules', {
      ...as('officer'),
      body: { id: 'X-1', title: 'x', trigger: 'date', retention: { years: 1 }, action: 'destroy' },
    });
    expect(notManager.status).toBe(403);
  });
});
