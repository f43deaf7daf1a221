import { compileReleases } from '../../../../lambda/procurement/domain/merge';

const OCID = 'ocds-hkegov-T-2026-AB12CD34';
const release = (id: string, date: string, rest: Record<string, unknown>) => ({
  ocid: OCID,
  id,
  date,
  tag: ['tender'],
  initiationType: 'tender',
  ...rest,
});

describe('compiling releases by OCDS merging rules', () => {
  it('takes the latest value of each field, in date order whatever the order given, and its own id, date and tag', () => {
    const first = release('r1', '2026-01-01T00:00:00Z', { tender: { id: 't', title: 'Old', value: { amount: 1, currency: 'HKD' } } });
    const second = release('r2', '2026-02-01T00:00:00Z', { tender: { id: 't', title: 'New' } });
    const compiled = compileReleases([second, first]);
    expect(compiled).toEqual({
      ocid: OCID,
      id: `${OCID}-2026-02-01T00:00:00Z`,
      date: '2026-02-01T00:00:00Z',
      tag: ['compiled'],
      initiationType: 'tender',
      tender: { id: 't', title: 'New', value: { amount: 1, currency: 'HKD' } },
    });
  });

  it('removes a field a later release sets to null', () => {
    const compiled = compileReleases([
      release('r1', '2026-01-01T00:00:00Z', { tender: { id: 't', description: 'x', title: 'T' } }),
      release('r2', '2026-01-02T00:00:00Z', { tender: { description: null } }),
    ]);
    expect(compiled.tender).toEqual({ id: 't', title: 'T' });
  });

  it('merges arrays of objects with ids by identifier, appending new ones', () => {
    const compiled = compileReleases([
      release('r1', '2026-01-01T00:00:00Z', { awards: [{ id: 'a1', status: 'pending', value: { amount: 5 } }] }),
      release('r2', '2026-01-02T00:00:00Z', {
        awards: [
          { id: 'a1', status: 'active' },
          { id: 'a2', status: 'pending' },
        ],
      }),
    ]);
    expect(compiled.awards).toEqual([
      { id: 'a1', status: 'active', value: { amount: 5 } },
      { id: 'a2', status: 'pending' },
    ]);
  });

  it('replaces a wholeListMerge array and an array of strings as single values', () => {
    const item = (classes: string[]) => ({ id: 'i1', additionalClassifications: classes.map((id) => ({ scheme: 'CPV', id })) });
    const compiled = compileReleases([
      release('r1', '2026-01-01T00:00:00Z', { tender: { id: 't', items: [item(['a', 'b'])], submissionMethod: ['written', 'inPerson'] } }),
      release('r2', '2026-01-02T00:00:00Z', { tender: { items: [item(['c'])], submissionMethod: ['electronicSubmission'] } }),
    ]);
    const tender = compiled.tender as { items: { additionalClassifications: unknown[] }[]; submissionMethod: string[] };
    expect(tender.items[0].additionalClassifications).toEqual([{ scheme: 'CPV', id: 'c' }]);
    expect(tender.submissionMethod).toEqual(['electronicSubmission']);
  });

  it('leaves an identifier-merged array as it was when a later release gives it empty', () => {
    const compiled = compileReleases([
      release('r1', '2026-01-01T00:00:00Z', { parties: [{ id: 'p1', name: 'A' }] }),
      release('r2', '2026-01-02T00:00:00Z', { parties: [] }),
    ]);
    expect(compiled.parties).toEqual([{ id: 'p1', name: 'A' }]);
  });

  it('refuses releases of different ocids, and none at all', () => {
    expect(() =>
      compileReleases([release('r1', '2026-01-01T00:00:00Z', {}), { ...release('r2', '2026-01-01T00:00:00Z', {}), ocid: 'other' }]),
    ).toThrow(/different ocids/);
    expect(() => compileReleases([])).toThrow();
  });
});
