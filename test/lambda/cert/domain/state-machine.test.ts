import fc from 'fast-check';
import { STATUSES, type Status, TRANSITIONS, transition } from '../../../../lambda/cert/domain/state-machine';

const status = fc.constantFrom(...STATUSES);

describe('incident state machine', () => {
  it('allows the forward path new → triaged → contained → resolved → closed', () => {
    const path: Status[] = ['new', 'triaged', 'contained', 'resolved', 'closed'];
    for (let i = 1; i < path.length; i++) expect(transition(path[i - 1], path[i])).toMatchObject({ ok: true, status: path[i] });
  });

  it('reopens resolved and closed incidents back to triaged', () => {
    expect(transition('resolved', 'triaged')).toEqual({ ok: true, status: 'triaged', action: 'reopen' });
    expect(transition('closed', 'triaged')).toEqual({ ok: true, status: 'triaged', action: 'reopen' });
  });

  it.each([
    ['new', 'closed'],
    ['new', 'resolved'],
    ['triaged', 'new'],
    ['contained', 'closed'],
    ['closed', 'new'],
    ['closed', 'contained'],
  ] as const)('refuses %s → %s, saying where it can go', (from, to) => {
    const result = transition(from, to);
    expect(result).toMatchObject({ ok: false, status: from });
    expect(!result.ok && result.message).toMatch(new RegExp(`cannot go from ${from} to ${to}`));
  });

  it('has exactly six allowed moves', () => {
    expect(Object.values(TRANSITIONS).flatMap((to) => Object.keys(to))).toHaveLength(6);
  });

  it('never leaves the machine, and a refused move changes nothing, whatever the sequence asked', () => {
    fc.assert(
      fc.property(status, fc.array(status, { maxLength: 40 }), (start, requests) => {
        let current = start;
        for (const to of requests) {
          const result = transition(current, to);
          expect(STATUSES).toContain(result.status);
          if (result.ok) expect(TRANSITIONS[current][to]).toBe(result.action);
          else {
            expect(TRANSITIONS[current][to]).toBeUndefined();
            expect(result.status).toBe(current);
          }
          current = result.status;
        }
      }),
    );
  });

  it('can reach closed from any status and come back by reopening', () => {
    const forward: Record<Status, Status | undefined> = {
      new: 'triaged',
      triaged: 'contained',
      contained: 'resolved',
      resolved: 'closed',
      closed: undefined,
    };
    fc.assert(
      fc.property(status, (start) => {
        let current: Status = start;
        for (let next = forward[current]; next; next = forward[current]) {
          const moved = transition(current, next);
          expect(moved.ok).toBe(true);
          current = moved.status;
        }
        expect(current).toBe('closed');
        expect(transition(current, 'triaged').ok).toBe(true);
      }),
    );
  });
});
