import fc from 'fast-check';
import type { Caller } from '../../../../lambda/open-data/domain/caller';
import type { StoredPackage } from '../../../../lambda/open-data/domain/entities';
import { FACET_FIELDS } from '../../../../lambda/open-data/domain/facets';
import { parseFilterQuery } from '../../../../lambda/open-data/domain/filter-query';
import { requiredMatches, SearchIndex, type SearchRequest } from '../../../../lambda/open-data/domain/search-index';
import { parseSort } from '../../../../lambda/open-data/domain/sort';
import { queryClauses } from '../../../../lambda/open-data/domain/tokenizer';
import { PUBLISHED_ONLY } from '../../../../lambda/open-data/domain/visibility';
import { dataset, group, organization, resource } from '../builders';

const PUBLIC: Caller = { kind: 'public' };
const ORGS = [organization('hk-td', 'TD'), organization('hk-epd', 'EPD')];
const GROUPS = [group('transport'), group('environment')];

function request(overrides: Partial<SearchRequest> = {}): SearchRequest {
  return {
    clauses: [],
    filters: [],
    sort: parseSort(undefined),
    rows: 10,
    start: 0,
    facetFields: [],
    facetLimit: 50,
    facetMinCount: 1,
    lang: 'en',
    caller: PUBLIC,
    unpublished: PUBLISHED_ONLY,
    ...overrides,
  };
}

function indexOf(...packages: StoredPackage[]): SearchIndex {
  const index = new SearchIndex(ORGS, GROUPS);
  for (const pkg of packages) index.upsert(pkg);
  return index;
}

function names(index: SearchIndex, overrides: Partial<SearchRequest>): string[] {
  return index.search(request(overrides)).results.map((pkg) => pkg.name);
}

describe('SearchIndex relevance', () => {
  it('puts a title match before a dataset mentioning the word only in its description', () => {
    const index = indexOf(
      dataset('described', { notes: { en: 'rainfall rainfall rainfall, daily rainfall totals' } }),
      dataset('titled', { title: { en: 'Daily Rainfall' } }),
    );
    expect(names(index, { clauses: queryClauses('rainfall') })).toEqual(['titled', 'described']);
  });

  it('finds Chinese titles by a Chinese word, and a Simplified title by Simplified text', () => {
    const index = indexOf(
      dataset('aqhi', { title: { en: 'Air Quality Health Index', tc: '空氣質素健康指數', sc: '空气质素健康指数' } }),
      dataset('traffic', { title: { en: 'Traffic Speed Map', tc: '行車速度圖', sc: '行车速度图' } }),
    );
    expect(names(index, { clauses: queryClauses('空氣質素') })).toEqual(['aqhi']);
    expect(names(index, { clauses: queryClauses('空气') })).toEqual(['aqhi']);
    expect(names(index, { clauses: queryClauses('速度') })).toEqual(['traffic']);
  });

  it("needs every word of a short query, and all but one of three to five (CKAN's mm)", () => {
    expect([1, 2, 3, 5, 6, 10].map(requiredMatches)).toEqual([1, 2, 2, 4, 5, 8]);
    const index = indexOf(
      dataset('speed', { title: { en: 'Traffic speed map' } }),
      dataset('camera', { title: { en: 'Traffic cameras' } }),
    );
    expect(names(index, { clauses: queryClauses('traffic speed') })).toEqual(['speed']);
    expect(names(index, { clauses: queryClauses('traffic speed map hong') })).toEqual(['speed']);
    expect(names(index, { clauses: queryClauses('traffic hong kong island') })).toEqual([]);
    expect(names(index, { clauses: queryClauses('traffic camera speed') }).sort()).toEqual(['camera', 'speed']);
  });

  it('applies filters, sorts and pages', () => {
    const index = indexOf(
      dataset('b-one', { title: { en: 'Zeta' }, tags: ['x'], metadata_modified: '2024-01-02T00:00:00.000Z' }),
      dataset('a-two', { title: { en: 'Alpha' }, tags: ['x'], metadata_modified: '2024-01-03T00:00:00.000Z' }),
      dataset('c-three', { title: { en: 'Mid' }, tags: ['y'], metadata_modified: '2024-01-01T00:00:00.000Z' }),
    );
    expect(names(index, { filters: parseFilterQuery('tags:x') })).toEqual(['a-two', 'b-one']);
    expect(names(index, { sort: parseSort('title_string asc') })).toEqual(['a-two', 'c-three', 'b-one']);
    const paged = index.search(request({ sort: parseSort('name desc'), rows: 1, start: 1 }));
    expect({ count: paged.count, names: paged.results.map((p) => p.name) }).toEqual({ count: 3, names: ['b-one'] });
  });

  it('counts facets over the whole result, by count then name, within the limit', () => {
    const index = indexOf(
      dataset('one', { tags: ['traffic', 'road'], resources: [resource('r1', { format: 'CSV' }), resource('r2', { format: 'CSV' })] }),
      dataset('two', { tags: ['traffic'], owner_org: 'org-hk-epd', resources: [resource('r3', { format: 'JSON' })] }),
      dataset('three', { tags: ['air'], owner_org: 'org-hk-epd' }),
    );
    const outcome = index.search(request({ rows: 1, facetFields: ['tags', 'organization', 'res_format'], facetLimit: 2 }));
    expect(Object.fromEntries(outcome.facets)).toEqual({
      tags: [
        { name: 'traffic', count: 2 },
        { name: 'air', count: 1 },
      ],
      organization: [
        { name: 'hk-epd', count: 2 },
        { name: 'hk-td', count: 1 },
      ],
      res_format: [
        { name: 'CSV', count: 1 },
        { name: 'JSON', count: 1 },
      ],
    });
  });

  it('ignores an older revision arriving after a newer one', () => {
    const index = indexOf(dataset('a', { title: { en: 'New title' }, revision: 2 }));
    index.upsert(dataset('a', { title: { en: 'Old title' }, revision: 1 }));
    expect(index.get('id-a')?.title.en).toBe('New title');
  });

  it('forgets old tokens when a dataset changes', () => {
    const index = indexOf(dataset('a', { title: { en: 'Rainfall' } }));
    index.upsert(dataset('a', { title: { en: 'Temperature' }, revision: 2 }));
    expect(names(index, { clauses: queryClauses('rainfall') })).toEqual([]);
    expect(names(index, { clauses: queryClauses('temperature') })).toEqual(['a']);
  });
});

describe('SearchIndex visibility', () => {
  const unpublished = [
    dataset('private-one', { private: true, tags: ['secret'] }),
    dataset('draft-one', { state: 'draft', tags: ['secret'] }),
    dataset('deleted-one', { state: 'deleted', tags: ['secret'] }),
    dataset('epd-private', { private: true, owner_org: 'org-hk-epd', tags: ['secret'] }),
  ];
  const index = indexOf(dataset('public-one', { tags: ['open'] }), ...unpublished);

  it('shows the public only published datasets, even when they ask for private ones', () => {
    expect(names(index, { unpublished: { includePrivate: true, includeDrafts: true } })).toEqual(['public-one']);
  });

  it("shows an officer their own department's private and draft datasets when asked, never another's or deleted ones", () => {
    const officer: Caller = { kind: 'officer', department: 'TD', roles: [] };
    expect(names(index, { caller: officer }).sort()).toEqual(['public-one']);
    expect(names(index, { caller: officer, unpublished: { includePrivate: true, includeDrafts: true } }).sort()).toEqual([
      'draft-one',
      'private-one',
      'public-one',
    ]);
  });
});

const ORG_IDS = ORGS.map((org) => org.id);
const arbitraryDataset = fc
  .record({
    n: fc.integer({ min: 0, max: 1_000_000 }),
    title: fc.constantFrom('Traffic speed', 'Rainfall', '空氣質素', '交通 traffic', 'Beach water'),
    org: fc.constantFrom(...ORG_IDS),
    state: fc.constantFrom('active', 'active', 'draft', 'deleted') as fc.Arbitrary<StoredPackage['state']>,
    private: fc.boolean(),
    tags: fc.subarray(['traffic', 'rain', 'water', 'air']),
    groups: fc.subarray(['transport', 'environment']),
    formats: fc.subarray(['CSV', 'JSON', 'XML']),
  })
  .map((r) =>
    dataset(`ds-${r.n}`, {
      title: { en: r.title },
      owner_org: r.org,
      state: r.state,
      private: r.private,
      tags: r.tags,
      groups: r.groups,
      resources: r.formats.map((format, i) => resource(`r-${r.n}-${i}`, { format })),
    }),
  );

describe('property: unpublished datasets never reach the public', () => {
  it('holds for any catalogue and any query, filter and facets', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryDataset, { selector: (pkg) => pkg.id, maxLength: 30 }),
        fc.constantFrom('', 'traffic', 'rainfall', '空氣', 'water traffic'),
        fc.constantFrom('', 'tags:traffic', '-groups:transport', 'res_format:(CSV OR XML)', 'capacity:private', 'capacity:public'),
        fc.boolean(),
        (packages, q, fq, askForPrivate) => {
          const index = indexOf(...packages);
          const outcome = index.search(
            request({
              clauses: queryClauses(q),
              filters: parseFilterQuery(fq),
              rows: 1000,
              facetFields: [...FACET_FIELDS],
              facetLimit: -1,
              unpublished: { includePrivate: askForPrivate, includeDrafts: askForPrivate },
            }),
          );
          for (const pkg of outcome.results) expect(pkg.state === 'active' && !pkg.private).toBe(true);
          expect(outcome.count).toBe(outcome.results.length);
          // Facet counts are counts over published results only: recount them from the results.
          const tagCounts = new Map<string, number>();
          for (const pkg of outcome.results) for (const tag of pkg.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
          expect(Object.fromEntries((outcome.facets.get('tags') ?? []).map((item) => [item.name, item.count]))).toEqual(
            Object.fromEntries(tagCounts),
          );
          const orgTotal = (outcome.facets.get('organization') ?? []).reduce((sum, item) => sum + item.count, 0);
          expect(orgTotal).toBe(outcome.count);
        },
      ),
      { numRuns: 200 },
    );
  });
});
