import type { Caller, RequestContext } from '../../../lambda/cert/domain/caller';
import { requestFingerprint } from '../../../lambda/cert/domain/idempotency';
import type { ReportIncidentInput } from '../../../lambda/cert/domain/schemas';
import { listIncidentsQuerySchema, reportIncidentSchema } from '../../../lambda/cert/domain/schemas';
import type { CertPorts } from '../../../lambda/cert/ports';
import {
  addKnownExploited,
  advisoryFeed,
  getIncident,
  knownExploitedCatalogue,
  listAdvisories,
  listIncidents,
  publishAdvisory,
  reportIncident,
  triageIncident,
} from '../../../lambda/cert/service';
import { dynamoPorts } from '../../../lambda/cert/store';
import { useEmbeddedStorage } from '../../helpers/embedded-storage';
import { embeddableStorage } from './fixtures/storage';

const officerOf = (department: string): Caller => ({ kind: 'officer', department, roles: [] });
const analyst: Caller = { kind: 'analyst' };
const context = (requestId: string, extra: Partial<RequestContext & { idempotencyKey: string }> = {}) => ({
  requestId,
  sourceIp: '10.9.8.7',
  principalId: 'user-1',
  ...extra,
});
const report = (overrides: Partial<ReportIncidentInput> = {}): ReportIncidentInput =>
  reportIncidentSchema.parse({
    title: 'Suspicious sign-ins',
    description: 'Many failed sign-ins from abroad.',
    severity: 'medium',
    category: 'unauthorised-access',
    ...overrides,
  });

/** A clock the test moves by hand, so incidents get distinct, ordered times. */
function manualClock(start: string) {
  let now = new Date(start).getTime();
  return { clock: () => new Date(now), advance: (ms = 1000) => (now += ms) };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

describe('CERT service over embedded DynamoDB', () => {
  useEmbeddedStorage('cert', embeddableStorage);
  const time = manualClock('2026-05-30T01:00:00Z');
  let ports: CertPorts;
  beforeAll(() => {
    ports = dynamoPorts(() => {
      time.advance();
      return time.clock();
    });
  });

  describe('reporting', () => {
    it('opens a case with a case number of this year, under the officer’s department, audited', async () => {
      const { incident, etag, replayed } = unwrap(await reportIncident(ports, officerOf('DPO'), report(), context('r1')));
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
      expect(unwrap(await getIncident(ports, analyst, incident.id)).incident).toEqual(incident);
    });

    it('gives concurrent reports distinct case numbers from the atomic counter', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => reportIncident(ports, officerOf('TD'), report({ title: `Report ${i}` }), context(`c${i}`))),
      );
      const ids = results.map((r) => unwrap(r).incident.id);
      expect(new Set(ids).size).toBe(12);
    });

    it('returns the same case for a retried Idempotency-Key and creates nothing more', async () => {
      const key = 'retry-0000-aaaa';
      const first = unwrap(await reportIncident(ports, officerOf('FEHD'), report(), context('i1', { idempotencyKey: key })));
      const again = unwrap(await reportIncident(ports, officerOf('FEHD'), report(), context('i2', { idempotencyKey: key })));
      expect(again).toMatchObject({ replayed: true, incident: { id: first.incident.id } });
      const listed = unwrap(await listIncidents(ports, officerOf('FEHD'), listIncidentsQuerySchema.parse({})));
      expect(listed.items.filter((i) => i.id === first.incident.id)).toHaveLength(1);
      expect(listed.items).toHaveLength(1);
    });

    it('makes one case of concurrent requests with the same Idempotency-Key', async () => {
      const key = 'race-0000-bbbb';
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          reportIncident(ports, officerOf('IMMD'), report(), context(`race${i}`, { idempotencyKey: key })),
        ),
      );
      const ids = new Set(results.filter((r) => r.ok).map((r) => unwrap(r).incident.id));
      expect(ids.size).toBe(1);
      const listed = unwrap(await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ department: 'IMMD' })));
      expect(listed.items).toHaveLength(1);
    });

    it('finishes a report whose earlier attempt stopped after claiming its key', async () => {
      const key = 'crash-0000-eeee';
      const input = report({ title: 'Half-done report' });
      const now = time.clock();
      const fingerprint = requestFingerprint({ ...input, department: 'DPO' });
      await ports.incidents.claim(
        { key: `report/DPO/${key}`, caseNumber: 'GCERT-2026-900001', fingerprint, createdAt: now.toISOString() },
        now,
        3600,
      );
      const finished = unwrap(await reportIncident(ports, officerOf('DPO'), input, context('h1', { idempotencyKey: key })));
      expect(finished).toMatchObject({ replayed: true, incident: { id: 'GCERT-2026-900001', title: 'Half-done report' } });
      expect(unwrap(await getIncident(ports, analyst, 'GCERT-2026-900001')).incident.title).toBe('Half-done report');
    });

    it('forgets an Idempotency-Key once it has expired', async () => {
      const now = time.clock();
      await ports.incidents.claim(
        { key: 'report/TD/old-0000-ffff', caseNumber: 'GCERT-2026-900002', fingerprint: 'x', createdAt: now.toISOString() },
        now,
        -1,
      );
      expect(await ports.incidents.findClaim('report/TD/old-0000-ffff', now)).toBeUndefined();
      const fresh = unwrap(await reportIncident(ports, officerOf('TD'), report(), context('o1', { idempotencyKey: 'old-0000-ffff' })));
      expect(fresh).toMatchObject({ replayed: false });
      expect(fresh.incident.id).not.toBe('GCERT-2026-900002');
    });

    it('refuses an Idempotency-Key reused for a different report', async () => {
      const key = 'reuse-0000-cccc';
      unwrap(await reportIncident(ports, officerOf('DPO'), report(), context('u1', { idempotencyKey: key })));
      const other = await reportIncident(
        ports,
        officerOf('DPO'),
        report({ title: 'Something else' }),
        context('u2', { idempotencyKey: key }),
      );
      expect(other).toEqual({ ok: false, error: { kind: 'idempotency-mismatch', message: expect.stringMatching(/different report/) } });
    });

    it('keeps one department’s Idempotency-Keys apart from another’s', async () => {
      const key = 'shared-0000-dddd';
      const a = unwrap(await reportIncident(ports, officerOf('DPO'), report(), context('k1', { idempotencyKey: key })));
      const b = unwrap(await reportIncident(ports, officerOf('TD'), report(), context('k2', { idempotencyKey: key })));
      expect(a.incident.id).not.toBe(b.incident.id);
    });

    it('refuses a report for another department and an ill-formed Idempotency-Key', async () => {
      expect(await reportIncident(ports, officerOf('DPO'), report({ department: 'TD' }), context('x'))).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
      expect(await reportIncident(ports, officerOf('DPO'), report(), context('x', { idempotencyKey: 'a b' }))).toMatchObject({
        ok: false,
        error: { kind: 'invalid-input' },
      });
      expect(await reportIncident(ports, { kind: 'public' }, report(), context('x'))).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    });
  });

  describe('listing and reading', () => {
    it('shows an officer only its department’s incidents, and refuses to show another’s', async () => {
      const mine = unwrap(await listIncidents(ports, officerOf('TD'), listIncidentsQuerySchema.parse({ limit: '100' })));
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((i) => i.department === 'TD')).toBe(true);
      expect(await listIncidents(ports, officerOf('TD'), listIncidentsQuerySchema.parse({ department: 'DPO' }))).toMatchObject({
        ok: false,
        error: { kind: 'forbidden', message: expect.stringMatching(/not DPO/) },
      });
      const dpoCase = unwrap(await listIncidents(ports, officerOf('DPO'), listIncidentsQuerySchema.parse({}))).items[0];
      expect(await getIncident(ports, officerOf('TD'), dpoCase.id)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      expect(await getIncident(ports, { kind: 'public' }, dpoCase.id)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    });

    it('shows analysts every department, newest first', async () => {
      const all = unwrap(await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ limit: '100' })));
      expect(new Set(all.items.map((i) => i.department))).toEqual(new Set(['DPO', 'TD', 'FEHD', 'IMMD']));
      const times = all.items.map((i) => i.createdAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('pages through every incident exactly once with the cursor', async () => {
      const everything = unwrap(await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ limit: '100' }))).items.map(
        (i) => i.id,
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ limit: '4', cursor })));
        expect(page.items.length).toBeLessThanOrEqual(4);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(everything);
    });

    it('filters by status, severity and creation time', async () => {
      const created = unwrap(await reportIncident(ports, officerOf('DPO'), report({ severity: 'critical' }), context('f1'))).incident;
      const critical = unwrap(await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ severity: 'critical', limit: '100' })));
      expect(critical.items.map((i) => i.id)).toEqual([created.id]);
      const since = unwrap(await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ since: created.createdAt })));
      expect(since.items.map((i) => i.id)).toEqual([created.id]);
      const triagedNone = unwrap(await listIncidents(ports, officerOf('FEHD'), listIncidentsQuerySchema.parse({ status: 'closed' })));
      expect(triagedNone.items).toEqual([]);
    });

    it('answers a page after a position older than since, as from a cursor of another query, as empty', async () => {
      const all = unwrap(await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ limit: '100' }))).items;
      const [newest, oldest] = [all[0], all.at(-1)!];
      const olderCursor = unwrap(
        await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ limit: String(all.length - 1) })),
      ).nextCursor;
      for (const department of [undefined, oldest.department]) {
        const page = await listIncidents(
          ports,
          analyst,
          listIncidentsQuerySchema.parse({ since: newest.createdAt, cursor: olderCursor, department }),
        );
        expect(page).toEqual({ ok: true, value: { items: [], nextCursor: undefined } });
      }
    });

    it('refuses a cursor it did not issue', async () => {
      expect(await listIncidents(ports, analyst, listIncidentsQuerySchema.parse({ cursor: 'garbage' }))).toMatchObject({
        ok: false,
        error: { kind: 'invalid-input' },
      });
    });

    it('says when there is no such incident', async () => {
      expect(await getIncident(ports, analyst, 'GCERT-2026-999999')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    });
  });

  describe('triage', () => {
    let id: string;
    let etag: string;
    beforeAll(async () => {
      ({
        incident: { id },
        etag,
      } = unwrap(await reportIncident(ports, officerOf('DPO'), report({ title: 'To be triaged' }), context('t0'))));
    });

    it('moves an incident on with the current ETag and records the change', async () => {
      const triaged = unwrap(await triageIncident(ports, analyst, id, { status: 'triaged', assignee: 'alice' }, etag, context('t1')));
      expect(triaged.incident).toMatchObject({ status: 'triaged', assignee: 'alice', version: 2 });
      expect(triaged.etag).toBe('"2"');
      const stored = unwrap(await getIncident(ports, analyst, id)).incident;
      expect(stored).toEqual(triaged.incident);
      expect(stored.history.map((h) => h.action)).toEqual(['report', 'triage']);
      etag = triaged.etag;
    });

    it('refuses a stale ETag and changes nothing', async () => {
      const before = unwrap(await getIncident(ports, analyst, id)).incident;
      expect(await triageIncident(ports, analyst, id, { status: 'contained' }, '"1"', context('t2'))).toMatchObject({
        ok: false,
        error: { kind: 'precondition-failed' },
      });
      expect(unwrap(await getIncident(ports, analyst, id)).incident).toEqual(before);
    });

    it('lets exactly one of two concurrent triages with the same ETag through', async () => {
      const [a, b] = await Promise.all([
        triageIncident(ports, analyst, id, { status: 'contained' }, etag, context('t3')),
        triageIncident(ports, analyst, id, { severity: 'critical' }, etag, context('t4')),
      ]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      const loser = a.ok ? b : a;
      expect(loser).toMatchObject({ ok: false, error: { kind: 'precondition-failed' } });
      const stored = unwrap(await getIncident(ports, analyst, id)).incident;
      expect(stored.version).toBe(3);
      expect(stored.history).toHaveLength(3);
      etag = `"${stored.version}"`;
    });

    it('refuses an illegal transition, saying why, and changes nothing', async () => {
      const before = unwrap(await getIncident(ports, analyst, id)).incident;
      const result = await triageIncident(ports, analyst, id, { status: 'new' }, etag, context('t5'));
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-transition', message: expect.stringMatching(/cannot go from/) } });
      expect(unwrap(await getIncident(ports, analyst, id)).incident).toEqual(before);
    });

    it('wants If-Match, and leaves triage to analysts', async () => {
      expect(await triageIncident(ports, analyst, id, { note: 'x' }, undefined, context('t6'))).toMatchObject({
        ok: false,
        error: { kind: 'precondition-required' },
      });
      expect(await triageIncident(ports, analyst, id, { note: 'x' }, '*', context('t6'))).toMatchObject({
        ok: false,
        error: { kind: 'precondition-required' },
      });
      expect(await triageIncident(ports, officerOf('DPO'), id, { note: 'x' }, etag, context('t7'))).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
      expect(await triageIncident(ports, analyst, 'GCERT-2026-999998', { note: 'x' }, etag, context('t8'))).toMatchObject({
        ok: false,
        error: { kind: 'not-found' },
      });
    });
  });

  describe('advisories and the catalogue', () => {
    const input = {
      level: 'Security Alert' as const,
      title: 'Multiple vulnerabilities in a browser',
      summary: 'Updates fix several flaws.',
      affectedProducts: ['Browser before 130'],
      cves: [],
      references: [],
    };

    it('numbers advisories by month of publication in Hong Kong', async () => {
      const first = unwrap(await publishAdvisory(ports, analyst, { ...input, publishedAt: '2026-05-31T17:00:00.000Z' }, context('a1')));
      const second = unwrap(await publishAdvisory(ports, analyst, { ...input, publishedAt: '2026-06-01T02:00:00.000Z' }, context('a2')));
      const third = unwrap(await publishAdvisory(ports, analyst, { ...input, publishedAt: '2026-05-20T02:00:00.000Z' }, context('a3')));
      expect([first.id, second.id, third.id]).toEqual(['A26-06-01', 'A26-06-02', 'A26-05-01']);
      expect(first.history[0]).toMatchObject({ action: 'publish', actor: { kind: 'analyst' } });
    });

    it('lists advisories newest first to anyone, and renders the Atom feed', async () => {
      const page = unwrap(await listAdvisories(ports, { limit: 2 }));
      expect(page.items.map((a) => a.id)).toEqual(['A26-06-02', 'A26-06-01']);
      expect(page.items[0]).not.toHaveProperty('history');
      const rest = unwrap(await listAdvisories(ports, { limit: 2, cursor: page.nextCursor }));
      expect(rest.items.map((a) => a.id)).toEqual(['A26-05-01']);
      const atom = unwrap(
        await advisoryFeed(
          ports,
          { limit: 10 },
          { feedId: 'tag:x,2026:a', title: 'Alerts', selfUrl: 'https://x/a', advisoryUrl: (i) => `https://x/a/${i}`, author: 'CERT' },
        ),
      );
      expect(atom.match(/<entry>/g)).toHaveLength(3);
    });

    it('refuses a cursor for the Atom feed, which has no further pages, rather than ignoring it', async () => {
      const feed = {
        feedId: 'tag:x,2026:a',
        title: 'Alerts',
        selfUrl: 'https://x/a',
        advisoryUrl: (i: string) => `https://x/a/${i}`,
        author: 'CERT',
      };
      for (const cursor of ['not-a-cursor', unwrap(await listAdvisories(ports, { limit: 1 })).nextCursor]) {
        expect(await advisoryFeed(ports, { limit: 10, cursor }, feed)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
      }
    });

    it('lets only analysts publish', async () => {
      expect(await publishAdvisory(ports, officerOf('DPO'), input, context('a4'))).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    });

    it('adds each CVE to the catalogue once, dated in Hong Kong', async () => {
      const entry = {
        cveID: 'CVE-2026-55555',
        vendorProject: 'Example',
        product: 'Mail server',
        vulnerabilityName: 'Example Mail Server Authentication Bypass',
        shortDescription: 'Bypass.',
        requiredAction: 'Patch.',
        dueDate: '2026-06-20',
        knownRansomwareCampaignUse: 'Known' as const,
        notes: '',
        cwes: [],
      };
      const added = unwrap(await addKnownExploited(ports, analyst, entry, context('k1')));
      expect(added).not.toHaveProperty('history');
      expect(added.dateAdded).toMatch(/^2026-05-\d\d$/);
      expect(await addKnownExploited(ports, analyst, entry, context('k2'))).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      expect(await addKnownExploited(ports, officerOf('TD'), entry, context('k3'))).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
      const catalogue = unwrap(await knownExploitedCatalogue(ports));
      expect(catalogue.count).toBe(1);
      expect(catalogue.vulnerabilities[0].cveID).toBe('CVE-2026-55555');
    });
  });
});
