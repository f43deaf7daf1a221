import { type FilterableDoc, matchesFilters, parseFilterQuery } from '../../../../lambda/open-data/domain/filter-query';
import { parseQuery } from '../../../../lambda/open-data/domain/query';
import { parseSort } from '../../../../lambda/open-data/domain/sort';
import { thrown } from '../builders';

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
  return matchesFilters(doc, parseFilterQuery(fq));
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
    const error = thrown(() => parseFilterQuery('title:traffic'));
    expect(error).toMatchObject({ status: 409, code: 'search_failed' });
    expect((error as Error).message).toMatch(/title.*organization, owner_org, tags/);
  });

  it.each(['tags:"unclosed', 'organization:', 'traffic', 'res_format:(CSV', 'tags:a OR groups:b'])(
    'refuses malformed %j as CKAN relays Solr’s parse error: a 409 Search Error',
    (fq) => {
      const error = thrown(() => parseFilterQuery(fq));
      expect(error).toMatchObject({ status: 409, code: 'search_failed' });
      expect((error as Error).message).toMatch(/^Search error: cannot parse the filter query: /);
    },
  );
});

describe('q', () => {
  it('turns known field queries into filters and keeps the rest as text', () => {
    const parsed = parseQuery('rainfall tags:climate title:daily');
    expect(parsed).toMatchObject({ clauses: [['rainfall'], ['daily']] });
    expect(parsed.filters).toEqual([{ field: 'tags', negate: false, match: { kind: 'values', values: ['climate'] } }]);
  });

  it('reads *:* as everything', () => {
    expect(parseQuery('*:*')).toEqual({ clauses: [], filters: [] });
  });
});

describe('sort', () => {
  it('defaults to relevance, then newest', () => {
    expect(parseSort(undefined)).toEqual([
      { field: 'score', direction: 'desc' },
      { field: 'metadata_modified', direction: 'desc' },
    ]);
  });

  it('reads several clauses in any case', () => {
    expect(parseSort('title_string ASC, name desc')).toMatchObject([{ field: 'title_string', direction: 'asc' }, { field: 'name' }]);
  });

  it('answers an unknown field with a 409 Search Error, as CKAN does', () => {
    expect(thrown(() => parseSort('popularity desc'))).toMatchObject({
      status: 409,
      code: 'search_failed',
      message: expect.stringContaining('popularity'),
    });
  });

  it('answers a clause without direction with a 400 Search Query Error, as CKAN does', () => {
    expect(thrown(() => parseSort('name'))).toMatchObject({
      status: 400,
      code: 'search_query_invalid',
      message: expect.stringContaining('Invalid "sort" parameter'),
    });
  });
});
