import { type FilterableDoc, matchesFilters, parseFilterQuery } from '../../../../lambda/open-data/domain/filter-query';
import { parseQuery } from '../../../../lambda/open-data/domain/query';
import { parseSort } from '../../../../lambda/open-data/domain/sort';

const doc: FilterableDoc = {
  id: 'id-1',
  name: 'traffic-speed',
  organization: 'hk-td',
  owner_org: 'org-hk-td',
  tags: ['traffic', 'speed map'],
  groups: ['transport'],
  res_format: ['CSV', 'JSON'],
  license_id: 'hk-dgo-terms',
  capacity: 'public',
  metadata_modified: '2024-06-01T00:00:00.000Z',
  metadata_created: '2023-01-01T00:00:00.000Z',
};

function matches(fq: string): boolean {
  const parsed = parseFilterQuery(fq);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return matchesFilters(doc, parsed.value);
}

describe('fq', () => {
  it.each([
    ['organization:hk-td', true],
    ['organization:hk-epd', false],
    ['organization:hk-td tags:"traffic"', true],
    ['organization:hk-td tags:"speed map"', true],
    ['+res_format:CSV', true],
    ['res_format:csv', true],
    ['-groups:transport', false],
    ['NOT groups:health', true],
    ['res_format:(XML OR JSON)', true],
    ['res_format:XML OR res_format:JSON', true],
    ['license_id:hk-dgo-terms AND groups:transport', true],
    ['metadata_modified:[2024-01-01T00:00:00Z TO *]', true],
    ['metadata_modified:[* TO 2023-12-31T23:59:59Z]', false],
    ['tags:*', true],
    ['*:*', true],
    ['dataset_type:dataset', true],
    ['capacity:public', true],
  ])('%s → %s', (fq, expected) => {
    expect(matches(fq)).toBe(expected);
  });

  it('refuses an unknown field as CKAN relays Solr: a 409 Search Error naming the fields allowed', () => {
    const parsed = parseFilterQuery('title:traffic');
    expect(parsed).toMatchObject({ ok: false, error: { kind: 'search' } });
    expect(!parsed.ok && parsed.error.message).toMatch(/title.*organization, owner_org, tags/);
  });

  it.each(['tags:"unclosed', 'organization:', 'traffic', 'res_format:(CSV', 'tags:a OR groups:b'])(
    'refuses malformed %j as a 400 Search Query Error',
    (fq) => {
      expect(parseFilterQuery(fq)).toMatchObject({ ok: false, error: { kind: 'search-query' } });
    },
  );
});

describe('q', () => {
  it('turns known field queries into filters and keeps the rest as text', () => {
    const parsed = parseQuery('rainfall tags:climate title:daily');
    expect(parsed).toMatchObject({ ok: true, value: { clauses: [['rainfall'], ['daily']] } });
    expect(parsed.ok && parsed.value.filters).toEqual([{ field: 'tags', negate: false, match: { kind: 'values', values: ['climate'] } }]);
  });

  it('reads *:* as everything', () => {
    expect(parseQuery('*:*')).toEqual({ ok: true, value: { clauses: [], filters: [] } });
  });
});

describe('sort', () => {
  it('defaults to relevance, then newest', () => {
    expect(parseSort(undefined)).toEqual({
      ok: true,
      value: [
        { field: 'score', direction: 'desc' },
        { field: 'metadata_modified', direction: 'desc' },
      ],
    });
  });

  it('reads several clauses in any case', () => {
    expect(parseSort('title_string ASC, name desc')).toMatchObject({
      ok: true,
      value: [{ field: 'title_string', direction: 'asc' }, { field: 'name' }],
    });
  });

  it('answers an unknown field with a 409 Search Error, as CKAN does', () => {
    expect(parseSort('popularity desc')).toMatchObject({
      ok: false,
      error: { kind: 'search', message: expect.stringContaining('popularity') },
    });
  });

  it('answers a clause without direction with a 400 Search Query Error, as CKAN does', () => {
    expect(parseSort('name')).toMatchObject({
      ok: false,
      error: { kind: 'search-query', message: expect.stringContaining('Invalid "sort" parameter') },
    });
  });
});
