import * as fc from 'fast-check';
import type { DataService } from '../../../../lambda/exchange/domain/dataset';
import { type AccessRequest, checkDecider, checkRequest, grantInForce } from '../../../../lambda/exchange/domain/grant';
import { evaluate, planQuery } from '../../../../lambda/exchange/domain/query';

const service: DataService = {
  id: 'DS-1',
  owner: 'FEHD',
  table: 't',
  title: 'T',
  purpose: 'p',
  classification: 'RESTRICTED',
  columns: [
    { name: 'district', type: 'string' },
    { name: 'score', type: 'integer' },
    { name: 'secret', type: 'string' },
  ],
  publishedAt: '2026-01-01T00:00:00Z',
  publishedBy: 'o1',
};
const terms = { from: '2026-01-01T00:00:00Z', until: '2026-02-01T00:00:00Z', columns: ['district', 'score'] };
const grant: AccessRequest = {
  ...terms,
  id: 'AR-1',
  serviceId: 'DS-1',
  owner: 'FEHD',
  requester: 'TD',
  requestedBy: 'r1',
  purpose: 'p',
  state: 'approved',
  requestedAt: terms.from,
};

describe('access requests', () => {
  it('refuses a service above the receiver’s classification, and grants at or below it', () => {
    expect(checkRequest(service, 'TD', 'UNCLASSIFIED', terms, 365)).toMatchObject({ ok: false, code: 'classification_exceeded' });
    expect(checkRequest(service, 'TD', undefined, terms, 365)).toMatchObject({ ok: false, code: 'classification_exceeded' });
    expect(checkRequest(service, 'TD', 'RESTRICTED', terms, 365).ok).toBe(true);
    expect(checkRequest(service, 'TD', 'SECRET', terms, 365).ok).toBe(true);
  });

  it('refuses the owner’s own request, unknown columns and periods too long', () => {
    expect(checkRequest(service, 'FEHD', 'SECRET', terms, 365)).toMatchObject({ code: 'own_service' });
    expect(checkRequest(service, 'TD', 'SECRET', { ...terms, columns: ['nope'] }, 365)).toMatchObject({ code: 'unknown_column' });
    expect(checkRequest(service, 'TD', 'SECRET', terms, 10)).toMatchObject({ code: 'period_too_long' });
  });

  it('is decided by an officer of the owner who did not ask, once', () => {
    const pending = { ...grant, state: 'pending' as const };
    expect(checkDecider(pending, 'TD', 'x')).toMatchObject({ code: 'not_owner' });
    expect(checkDecider(pending, 'FEHD', 'r1')).toMatchObject({ code: 'requester_decides' });
    expect(checkDecider(pending, 'FEHD', 'o2').ok).toBe(true);
    expect(checkDecider(grant, 'FEHD', 'o2')).toMatchObject({ code: 'decided' });
  });
});

describe('grant expiry', () => {
  it('holds exactly inside its period, by the clock alone', () => {
    const from = Date.parse(grant.from);
    const until = Date.parse(grant.until);
    fc.assert(
      fc.property(fc.integer({ min: from - 1e10, max: until + 1e10 }), (t) => {
        expect(grantInForce(grant, new Date(t)).ok).toBe(t >= from && t < until);
      }),
    );
  });

  it('never holds for a request not approved', () => {
    expect(grantInForce({ ...grant, state: 'pending' }, new Date('2026-01-15'))).toMatchObject({ code: 'not_granted' });
  });
});

describe('queries', () => {
  it('refuses a column not shared, and applies the grant’s row filter', () => {
    expect(planQuery(service, grant, { columns: ['secret'], filters: [], limit: 5 }, 100)).toMatchObject({ code: 'column_not_shared' });
    expect(
      planQuery(service, grant, { columns: ['district'], filters: [{ column: 'score', op: 'gte', value: 'x' }], limit: 5 }, 100),
    ).toMatchObject({
      code: 'filter_type',
    });
    const plan = planQuery(
      service,
      { ...grant, rowFilter: [{ column: 'district', op: 'eq', value: 'A' }] },
      { columns: ['score'], filters: [{ column: 'score', op: 'gt', value: 1 }], limit: 5 },
      100,
    );
    if (!plan.ok) throw new Error(plan.message);
    const rows = [
      { district: 'A', score: 2, secret: 's' },
      { district: 'B', score: 3, secret: 's' },
      { district: 'A', score: 1, secret: 's' },
    ];
    expect(evaluate(plan.value, rows)).toEqual([{ score: 2 }]);
  });
});
