import fc from 'fast-check';
import type { Caller } from '../../../../lambda/cert/domain/caller';
import { etagOf, ifMatchNames } from '../../../../lambda/cert/domain/incident';
import { STATUSES, TRANSITIONS } from '../../../../lambda/cert/domain/state-machine';
import { applyTriage } from '../../../../lambda/cert/domain/triage';
import { sampleIncident } from '../fixtures/incidents';

const analyst: Caller = { kind: 'analyst' };
const context = { requestId: 'req-1', principalId: 'analyst-7', sourceIp: '10.1.2.3', userAgent: 'cert-console' };
const at = new Date('2026-05-30T02:00:00Z');

describe('triage', () => {
  it('moves the status, bumps the version and records who changed what, when and from where', () => {
    const outcome = applyTriage(sampleIncident(), { status: 'triaged', assignee: 'alice', note: 'Looking' }, analyst, context, at);
    expect(outcome.ok && outcome.changed).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.incident).toMatchObject({ status: 'triaged', assignee: 'alice', version: 2, updatedAt: at.toISOString() });
    expect(outcome.incident.notes).toEqual([{ at: at.toISOString(), text: 'Looking' }]);
    expect(outcome.incident.history).toEqual([
      {
        at: at.toISOString(),
        actor: { kind: 'analyst', principalId: 'analyst-7' },
        action: 'triage',
        changes: { status: { from: 'new', to: 'triaged' }, assignee: { from: null, to: 'alice' }, note: { from: null, to: 'Looking' } },
        requestId: 'req-1',
        sourceIp: '10.1.2.3',
        userAgent: 'cert-console',
      },
    ]);
  });

  it('refuses an illegal transition with the reason and changes nothing', () => {
    const incident = sampleIncident();
    const outcome = applyTriage(incident, { status: 'closed', severity: 'low' }, analyst, context, at);
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/cannot go from new to closed/) });
    expect(incident).toEqual(sampleIncident());
  });

  it('treats values equal to the current ones as no change', () => {
    const incident = sampleIncident();
    expect(applyTriage(incident, { status: 'new', severity: 'high' }, analyst, context, at)).toEqual({
      ok: true,
      incident,
      changed: false,
    });
  });

  it('clears the assignee with null', () => {
    const outcome = applyTriage(sampleIncident({ assignee: 'bob' }), { assignee: null }, analyst, context, at);
    expect(outcome.ok && outcome.incident.assignee).toBeUndefined();
  });

  it('for any patch: either refused with nothing changed, or one audit record and one version more', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.record({
          status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
          severity: fc.option(fc.constantFrom('low', 'medium', 'high', 'critical' as const), { nil: undefined }),
        }),
        (from, patch) => {
          const incident = sampleIncident({ status: from });
          const outcome = applyTriage(incident, patch, analyst, context, at);
          const moves = patch.status !== undefined && patch.status !== from;
          if (moves && !TRANSITIONS[from][patch.status!]) {
            expect(outcome.ok).toBe(false);
            return;
          }
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          if (outcome.changed) {
            expect(outcome.incident.version).toBe(incident.version + 1);
            expect(outcome.incident.history).toHaveLength(1);
          } else expect(outcome.incident).toBe(incident);
          expect(STATUSES).toContain(outcome.incident.status);
        },
      ),
    );
  });
});

describe('entity tags', () => {
  it('name the version, and If-Match must name it exactly (strong comparison)', () => {
    const incident = sampleIncident({ version: 3 });
    expect(etagOf(incident)).toBe('"3"');
    expect(ifMatchNames('"3"', incident)).toBe(true);
    expect(ifMatchNames('"2", "3"', incident)).toBe(true);
    expect(ifMatchNames('"2"', incident)).toBe(false);
    expect(ifMatchNames('W/"3"', incident)).toBe(false);
    expect(ifMatchNames('3', incident)).toBe(false);
  });
});
