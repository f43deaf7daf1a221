import { getIncident, listIncidents, reportIncident, triageIncident } from '../../../../lambda/cert/app/incidents';
import type { ReportIncidentInput } from '../../../../lambda/cert/domain/schemas';
import { listIncidentsQuerySchema, reportIncidentSchema } from '../../../../lambda/cert/domain/schemas';
import { decideIdempotency } from '../../../../lambda/shared/idempotency';
import { requestFingerprint } from '../../../../lambda/shared/request-fingerprint';
import { analyst, context, officerOf, useCertWorld } from '../fixtures/world';

const report = (overrides: Partial<ReportIncidentInput> = {}): ReportIncidentInput =>
  reportIncidentSchema.parse({
    title: 'Suspicious sign-ins',
    description: 'Many failed sign-ins from abroad.',
    severity: 'medium',
    category: 'unauthorised-access',
    ...overrides,
  });

describe('CERT service over embedded DynamoDB', () => {
  const world = useCertWorld();

  describe('reporting', () => {
    it('opens a case with a case number of this year, under the officer’s department, audited', async () => {
      const { incident, etag, replayed } = await reportIncident(world.ports, officerOf('DPO'), report(), context('r1'));
      expect(incident.id).toMatch(/^GCERT-2026-\d{6}$/);
      expect(incident).toMatchObject({ department: 'DPO', status: 'new', version: 1 });
      expect(etag).toBe('"1"');
      expect(replayed).toBe(false);
      expect(incident.history).toEqual([
        expect.objectContaining({
          action: 'report',
          actor: { kind: 'officer', department: 'DPO', principalId: 'user-1' },
          sourceIp: '10.9.8.7',
          requestId: 'r1',
        }),
      ]);
      expect((await getIncident(world.ports, analyst, incident.id)).incident).toEqual(incident);
    });

    it('gives concurrent reports distinct case numbers from the atomic counter', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          reportIncident(world.ports, officerOf('TD'), report({ title: `Report ${i}` }), context(`c${i}`)),
        ),
      );
      const ids = results.map((r) => r.incident.id);
      expect(new Set(ids).size).toBe(12);
    });

    it('returns the same case for a retried Idempotency-Key and creates nothing more', async () => {
      const key = 'retry-0000-aaaa';
      const first = await reportIncident(world.ports, officerOf('FEHD'), report(), context('i1', { idempotencyKey: key }));
      const again = await reportIncident(world.ports, officerOf('FEHD'), report(), context('i2', { idempotencyKey: key }));
      expect(again).toMatchObject({ replayed: true, incident: { id: first.incident.id } });
      const listed = await listIncidents(world.ports, officerOf('FEHD'), listIncidentsQuerySchema.parse({}));
      expect(listed.items.filter((i) => i.id === first.incident.id)).toHaveLength(1);
      expect(listed.items).toHaveLength(1);
    });

    it('makes one case of concurrent requests with the same Idempotency-Key', async () => {
      const key = 'race-0000-bbbb';
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          reportIncident(world.ports, officerOf('IMMD'), report(), context(`race${i}`, { idempotencyKey: key })),
        ),
      );
      const ids = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.incident.id] : [])));
      expect(ids.size).toBe(1);
      const listed = await listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ department: 'IMMD' }));
      expect(listed.items).toHaveLength(1);
    });

    it('finishes a report whose earlier attempt stopped after claiming its key', async () => {
      const key = 'crash-0000-eeee';
      const input = report({ title: 'Half-done report' });
      const nowSeconds = Math.floor(world.time.clock().getTime() / 1000);
      const fingerprint = requestFingerprint({ ...input, department: 'DPO' });
      await world.ports.reportClaims.claim(
        `DPO#${key}`,
        { fingerprint, resultId: 'GCERT-2026-900001', expiresAt: nowSeconds + 3600 },
        nowSeconds,
      );
      const finished = await reportIncident(world.ports, officerOf('DPO'), input, context('h1', { idempotencyKey: key }));
      expect(finished).toMatchObject({ replayed: true, incident: { id: 'GCERT-2026-900001', title: 'Half-done report' } });
      expect((await getIncident(world.ports, analyst, 'GCERT-2026-900001')).incident.title).toBe('Half-done report');
    });

    it('forgets an Idempotency-Key once it has expired', async () => {
      const nowSeconds = Math.floor(world.time.clock().getTime() / 1000);
      await world.ports.reportClaims.claim(
        'TD#old-0000-ffff',
        { fingerprint: 'x', resultId: 'GCERT-2026-900002', expiresAt: nowSeconds - 1 },
        nowSeconds,
      );
      expect(decideIdempotency(await world.ports.reportClaims.get('TD#old-0000-ffff'), 'x', nowSeconds)).toEqual({ kind: 'new' });
      const fresh = await reportIncident(world.ports, officerOf('TD'), report(), context('o1', { idempotencyKey: 'old-0000-ffff' }));
      expect(fresh).toMatchObject({ replayed: false });
      expect(fresh.incident.id).not.toBe('GCERT-2026-900002');
    });

    it('refuses an Idempotency-Key reused for a different report', async () => {
      const key = 'reuse-0000-cccc';
      await reportIncident(world.ports, officerOf('DPO'), report(), context('u1', { idempotencyKey: key }));
      const other = reportIncident(
        world.ports,
        officerOf('DPO'),
        report({ title: 'Something else' }),
        context('u2', { idempotencyKey: key }),
      );
      await expect(other).rejects.toMatchObject({
        status: 422,
        code: 'idempotency_mismatch',
        message: expect.stringMatching(/different report/),
      });
    });

    it('keeps one department’s Idempotency-Keys apart from another’s', async () => {
      const key = 'shared-0000-dddd';
      const a = await reportIncident(world.ports, officerOf('DPO'), report(), context('k1', { idempotencyKey: key }));
      const b = await reportIncident(world.ports, officerOf('TD'), report(), context('k2', { idempotencyKey: key }));
      expect(a.incident.id).not.toBe(b.incident.id);
    });

    it('refuses a report for another department and an ill-formed Idempotency-Key', async () => {
      await expect(reportIncident(world.ports, officerOf('DPO'), report({ department: 'TD' }), context('x'))).rejects.toMatchObject({
        status: 403,
        code: 'forbidden',
      });
      await expect(reportIncident(world.ports, officerOf('DPO'), report(), context('x', { idempotencyKey: 'a b' }))).rejects.toMatchObject({
        status: 400,
        code: 'invalid_input',
      });
      await expect(reportIncident(world.ports, { kind: 'public' }, report(), context('x'))).rejects.toMatchObject({
        status: 403,
        code: 'forbidden',
      });
    });
  });

  describe('listing and reading', () => {
    it('shows an officer only its department’s incidents, and refuses to show another’s', async () => {
      const mine = await listIncidents(world.ports, officerOf('TD'), listIncidentsQuerySchema.parse({ limit: '100' }));
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((i) => i.department === 'TD')).toBe(true);
      await expect(
        listIncidents(world.ports, officerOf('TD'), listIncidentsQuerySchema.parse({ department: 'DPO' })),
      ).rejects.toMatchObject({
        status: 403,
        code: 'forbidden',
        message: expect.stringMatching(/not DPO/),
      });
      const dpoCase = (await listIncidents(world.ports, officerOf('DPO'), listIncidentsQuerySchema.parse({}))).items[0];
      await expect(getIncident(world.ports, officerOf('TD'), dpoCase.id)).rejects.toMatchObject({ status: 403, code: 'forbidden' });
      await expect(getIncident(world.ports, { kind: 'public' }, dpoCase.id)).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    });

    it('shows analysts every department, newest first', async () => {
      const all = await listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ limit: '100' }));
      expect(new Set(all.items.map((i) => i.department))).toEqual(new Set(['DPO', 'TD', 'FEHD', 'IMMD']));
      const times = all.items.map((i) => i.createdAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('pages through every incident exactly once with the cursor', async () => {
      const everything = (await listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ limit: '100' }))).items.map(
        (i) => i.id,
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ limit: '4', cursor }));
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(everything);
    });

    it('filters by status, severity and creation time', async () => {
      const created = (await reportIncident(world.ports, officerOf('DPO'), report({ severity: 'critical' }), context('f1'))).incident;
      const critical = await listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ severity: 'critical', limit: '100' }));
      expect(critical.items.map((i) => i.id)).toEqual([created.id]);
      const since = await listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ since: created.createdAt }));
      expect(since.items.map((i) => i.id)).toEqual([created.id]);
      const triagedNone = await listIncidents(world.ports, officerOf('FEHD'), listIncidentsQuerySchema.parse({ status: 'closed' }));
      expect(triagedNone.items).toEqual([]);
    });

    it('answers a page after a position older than since, as from a cursor of another query, as empty', async () => {
      const all = (await listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ limit: '100' }))).items;
      const [newest, oldest] = [all[0], all.at(-1)!];
      const olderCursor = (await listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ limit: String(all.length - 1) })))
        .nextCursor;
      for (const department of [undefined, oldest.department]) {
        const page = await listIncidents(
          world.ports,
          analyst,
          listIncidentsQuerySchema.parse({ since: newest.createdAt, cursor: olderCursor, department }),
        );
        expect(page).toEqual({ items: [], nextCursor: undefined });
      }
    });

    it('refuses a cursor it did not issue', async () => {
      await expect(listIncidents(world.ports, analyst, listIncidentsQuerySchema.parse({ cursor: 'garbage' }))).rejects.toMatchObject({
        status: 400,
        code: 'invalid_input',
      });
    });

    it('says when there is no such incident', async () => {
      await expect(getIncident(world.ports, analyst, 'GCERT-2026-999999')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    });
  });

  describe('triage', () => {
    let id: string;
    let etag: string;
    beforeAll(async () => {
      ({
        incident: { id },
        etag,
      } = await reportIncident(world.ports, officerOf('DPO'), report({ title: 'To be triaged' }), context('t0')));
    });

    it('moves an incident on with the current ETag and records the change', async () => {
      const triaged = await triageIncident(world.ports, analyst, id, { status: 'triaged', assignee: 'alice' }, etag, context('t1'));
      expect(triaged.incident).toMatchObject({ status: 'triaged', assignee: 'alice', version: 2 });
      expect(triaged.etag).toBe('"2"');
      const stored = (await getIncident(world.ports, analyst, id)).incident;
      expect(stored).toEqual(triaged.incident);
      expect(stored.history.map((h) => h.action)).toEqual(['report', 'triage']);
      etag = triaged.etag;
    });

    it('clears an assignee with null, stored as no assignee', async () => {
      const opened = await reportIncident(world.ports, officerOf('TD'), report({ title: 'Assigned, then not' }), context('c0'));
      const assigned = await triageIncident(world.ports, analyst, opened.incident.id, { assignee: 'bob' }, opened.etag, context('c1'));
      const cleared = await triageIncident(
        world.ports,
        analyst,
        opened.incident.id,
        { assignee: null, note: 'Unassigned' },
        assigned.etag,
        context('c2'),
      );
      expect(cleared.incident.assignee).toBeUndefined();
      expect(cleared.etag).toBe('"3"');
      expect((await getIncident(world.ports, analyst, opened.incident.id)).incident).toEqual(cleared.incident);
    });

    it('refuses a stale ETag and changes nothing', async () => {
      const before = (await getIncident(world.ports, analyst, id)).incident;
      await expect(triageIncident(world.ports, analyst, id, { status: 'contained' }, '"1"', context('t2'))).rejects.toMatchObject({
        status: 412,
        code: 'precondition_failed',
      });
      expect((await getIncident(world.ports, analyst, id)).incident).toEqual(before);
    });

    it('lets exactly one of two concurrent triages with the same ETag through', async () => {
      const [a, b] = await Promise.allSettled([
        triageIncident(world.ports, analyst, id, { status: 'contained' }, etag, context('t3')),
        triageIncident(world.ports, analyst, id, { severity: 'critical' }, etag, context('t4')),
      ]);
      expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
      const loser = a.status === 'rejected' ? a : b;
      expect(loser).toMatchObject({ status: 'rejected', reason: { status: 412, code: 'precondition_failed' } });
      const stored = (await getIncident(world.ports, analyst, id)).incident;
      expect(stored.version).toBe(3);
      expect(stored.history).toHaveLength(3);
      etag = `"${stored.version}"`;
    });

    it('refuses an illegal transition, saying why, and changes nothing', async () => {
      const before = (await getIncident(world.ports, analyst, id)).incident;
      const result = triageIncident(world.ports, analyst, id, { status: 'new' }, etag, context('t5'));
      await expect(result).rejects.toMatchObject({
        status: 409,
        code: 'invalid_transition',
        message: expect.stringMatching(/cannot go from/),
      });
      expect((await getIncident(world.ports, analyst, id)).incident).toEqual(before);
    });

    it('wants If-Match, and leaves triage to analysts', async () => {
      await expect(triageIncident(world.ports, analyst, id, { note: 'x' }, undefined, context('t6'))).rejects.toMatchObject({
        status: 428,
        code: 'precondition_required',
      });
      await expect(triageIncident(world.ports, analyst, id, { note: 'x' }, '*', context('t6'))).rejects.toMatchObject({
        status: 428,
        code: 'precondition_required',
      });
      await expect(triageIncident(world.ports, officerOf('DPO'), id, { note: 'x' }, etag, context('t7'))).rejects.toMatchObject({
        status: 403,
        code: 'forbidden',
      });
      await expect(triageIncident(world.ports, analyst, 'GCERT-2026-999998', { note: 'x' }, etag, context('t8'))).rejects.toMatchObject({
        status: 404,
        code: 'not_found',
      });
    });
  });
});
