import fc from 'fast-check';
import {
  checkDict,
  checkStringKey,
  filterGlobMatch,
  packageReviseParams,
  pathName,
  RevisionError,
  resolveStringKey,
  updateMergeDict,
  updateMergeStringKey,
  updateOrder,
} from '../../../../lambda/open-data/domain/revise';
import { parseParams } from '../../../../lambda/open-data/domain/validation';
import { thrown } from '../builders';

const dataset = () => ({
  id: 'd1',
  name: 'rain',
  title: 'Rain',
  metadata_modified: '2024-01-01T00:00:00',
  tags: [{ name: 'weather' }],
  resources: [
    { id: 'aaaaa111', name: 'a.csv', url: 'u1' },
    { id: 'bbbbb222', name: 'b.csv', url: 'u2' },
  ],
});

describe('package_revise: match', () => {
  it('reports the paths that differ, joined as CKAN does', () => {
    const current = dataset();
    expect(checkDict(current, { name: 'rain', resources: [{}, { name: 'c.csv' }] }).map(pathName)).toEqual(['resources__1__name']);
    expect(checkDict(current, { metadata_modified: '2023-12-31T00:00:00' }).map(pathName)).toEqual(['metadata_modified']);
    expect(checkDict(current, { colour: 'red' }).map(pathName)).toEqual(['colour']);
    expect(checkDict(current, { name: 'rain' })).toEqual([]);
  });

  it('checks flattened keys: by name, by position from either end, by the start of an id', () => {
    const current = dataset();
    expect(checkStringKey(current, 'resources__0__name', 'a.csv')).toEqual([]);
    expect(checkStringKey(current, 'resources__-1__name', 'b.csv')).toEqual([]);
    expect(checkStringKey(current, 'resources__bbbbb__url', 'u2')).toEqual([]);
    expect(checkStringKey(current, 'resources__1', { name: 'x.csv' }).map(pathName)).toEqual(['resources__1__name']);
    expect(thrown(() => checkStringKey(current, 'resources__7__name', 'x'))).toEqual(new RevisionError('Unmatched key resources__7'));
    expect(thrown(() => resolveStringKey(current, 'title__x'))).toBeInstanceOf(RevisionError);
  });

  it('matches anything against itself', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => expect(checkDict(value, value)).toEqual([])));
  });
});

describe('package_revise: filter and update', () => {
  it('removes fields by glob, the first pattern naming one winning', () => {
    const current = dataset();
    filterGlobMatch(current, ['+resources', '+title', '-*']);
    expect(Object.keys(current).sort()).toEqual(['resources', 'title']);
    const other = dataset();
    filterGlobMatch(other, ['-resources__bbbbb']);
    expect(other.resources.map((r) => r.name)).toEqual(['a.csv']);
    const fields = dataset();
    filterGlobMatch(fields, ['+resources__0__id', '-resources__0__*']);
    expect(fields.resources[0]).toEqual({ id: 'aaaaa111' });
  });

  it('merges objects and list items by position, replacing the rest', () => {
    const current = dataset() as Record<string, unknown>;
    updateMergeDict(current, { title: 'Rainfall', resources: [{}, { name: 'deux.csv' }], tags: [{ name: 'rain' }, { name: 'wet' }] });
    expect(current).toMatchObject({
      title: 'Rainfall',
      resources: [
        { name: 'a.csv', url: 'u1' },
        { name: 'deux.csv', url: 'u2' },
      ],
      tags: [{ name: 'rain' }, { name: 'wet' }],
    });
    expect(thrown(() => updateMergeDict(dataset(), { resources: { name: 'x' } }))).toEqual(
      new RevisionError('Expected list for resources'),
    );
  });

  it('merges at flattened keys, __extend appending, extends first', () => {
    const current = dataset();
    const updates: Record<string, unknown> = {
      resources__2: { description: 'added, then described' },
      resources__extend: [{ name: 'c.csv', url: 'u3' }],
      resources__aaaaa__name: 'first.csv',
      notes: 'New notes',
    };
    for (const key of updateOrder(Object.keys(updates))) updateMergeStringKey(current, key, updates[key]);
    expect(current.resources).toEqual([
      { id: 'aaaaa111', name: 'first.csv', url: 'u1' },
      { id: 'bbbbb222', name: 'b.csv', url: 'u2' },
      { name: 'c.csv', url: 'u3', description: 'added, then described' },
    ]);
    expect(current).toMatchObject({ notes: 'New notes' });
    expect(thrown(() => updateMergeStringKey(dataset(), 'resources__extend', { name: 'x' }))).toBeInstanceOf(RevisionError);
  });
});

describe('package_revise parameters', () => {
  it('collects the flattened keys and reads JSON given as text, as CKAN does', () => {
    expect(
      parseParams(packageReviseParams, {
        match: '{"id": "d1"}',
        match__metadata_modified: '2024-01-01T00:00:00',
        update__resources__extend: '[{"name": "c.csv", "url": "https://x"}]',
        update__notes: 'plain text stays text',
        filter: '-resources__1,+title',
        include: ['name'],
        colour: 'ignored',
      }),
    ).toEqual({
      match: { id: 'd1' },
      update: undefined,
      filter: ['-resources__1', '+title'],
      include: ['name'],
      match__: { metadata_modified: '2024-01-01T00:00:00' },
      update__: { resources__extend: [{ name: 'c.csv', url: 'https://x' }], notes: 'plain text stays text' },
    });
  });

  it('refuses a match or update that is not an object, and JSON text nested past 32 levels', () => {
    expect(thrown(() => parseParams(packageReviseParams, { match: '[1]' }))).toMatchObject({
      status: 409,
      details: { match: [expect.stringMatching(/^Must be a dict/)] },
    });
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const [field, raw] of [
      ['update', { match: { id: 'd1' }, update: deep }],
      ['update__notes', { match: { id: 'd1' }, update__notes: deep }],
    ] as const) {
      const refused = thrown(() => parseParams(packageReviseParams, raw));
      expect(refused).toMatchObject({ status: 409, details: { [field]: [expect.stringMatching(/at most 32 levels/)] } });
      expect(JSON.stringify((refused as { details: unknown }).details).length).toBeLessThan(400);
    }
  });
});
