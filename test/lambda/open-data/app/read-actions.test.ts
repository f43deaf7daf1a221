import { packageList, packageSearch, packageShow } from '../../../../lambda/open-data/app/datasets';
import { groupList, groupShow, organizationList, organizationShow } from '../../../../lambda/open-data/app/organizations';
import { resourceShow } from '../../../../lambda/open-data/app/resources';
import { statusShow } from '../../../../lambda/open-data/app/site';
import { tagList } from '../../../../lambda/open-data/app/tags';
import {
  groupListParams,
  groupShowParams,
  organizationListParams,
  organizationShowParams,
  packageListParams,
  packageSearchParams,
  tagListParams,
} from '../../../../lambda/open-data/domain/params';
import { SearchIndex } from '../../../../lambda/open-data/domain/search-index';
import { parseParams } from '../../../../lambda/open-data/domain/validation';
import type { OpenDataPorts } from '../../../../lambda/open-data/ports';
import { SEED_DATASETS } from '../../../../lambda/open-data/store/seed-data';
import { organization } from '../builders';
import { EPD, PUBLIC, TD, useSeededOpenData } from '../open-data-setup';

const UNPUBLISHED = SEED_DATASETS.filter((d) => d.private || d.state === 'draft').map((d) => d.name);
const PUBLISHED = SEED_DATASETS.filter((d) => !d.private && d.state !== 'draft').map((d) => d.name);

function params<T>(schema: Parameters<typeof parseParams>[0], raw: Record<string, unknown>): T {
  return parseParams(schema, raw) as T;
}

describe('CKAN read actions over the seeded catalogue', () => {
  const env = useSeededOpenData();
  const search = async (raw: Record<string, unknown>, ctx = PUBLIC) => await packageSearch(env.deps, ctx, params(packageSearchParams, raw));

  it('package_list: published names only, sorted, paged with limit and offset', async () => {
    const all = await packageList(env.deps, PUBLIC, {});
    expect(all).toEqual([...PUBLISHED].sort());
    expect(all.some((name) => UNPUBLISHED.includes(name))).toBe(false);
    expect(await packageList(env.deps, PUBLIC, params(packageListParams, { limit: '2', offset: '1' }))).toEqual(all.slice(1, 3));
  });

  it('package_show: by name or id, title and notes in the language asked for', async () => {
    const en = await packageShow(env.deps, PUBLIC, { id: 'hk-hko-daily-total-rainfall' });
    expect(en).toMatchObject({
      name: 'hk-hko-daily-total-rainfall',
      title: 'Daily Total Rainfall',
      type: 'dataset',
      organization: { name: 'hk-hko' },
    });
    const tc = await packageShow(env.deps, { ...PUBLIC, lang: 'tc' }, { id: en.id });
    expect([tc.title, tc.organization?.title]).toEqual(['每日總雨量', '香港天文台']);
    const sc = await packageShow(env.deps, { ...PUBLIC, lang: 'sc' }, { id: en.id });
    expect(sc.title).toBe('每日总雨量');
    expect(en.title_translated).toEqual({ en: 'Daily Total Rainfall', tc: '每日總雨量', sc: '每日总雨量' });
  });

  it('package_show: a private dataset is "not found" to the public and other departments, shown to its own', async () => {
    await expect(packageShow(env.deps, PUBLIC, { id: 'hk-td-cctv-maintenance-schedule' })).rejects.toMatchObject({ status: 404 });
    await expect(packageShow(env.deps, EPD, { id: 'hk-td-cctv-maintenance-schedule' })).rejects.toMatchObject({ status: 404 });
    expect((await packageShow(env.deps, TD, { id: 'hk-td-cctv-maintenance-schedule' })).private).toBe(true);
  });

  it('package_search: English words find titles first', async () => {
    const result = await search({ q: 'traffic' });
    expect(result.results[0].title).toMatch(/Traffic/);
    expect(result.results.map((pkg) => pkg.name)).not.toContain('hk-td-cctv-maintenance-schedule');
  });

  it('package_search: Chinese words find Chinese titles', async () => {
    const result = await search({ q: '天氣預報' });
    expect(result.results.map((pkg) => pkg.name)).toEqual(['hk-hko-rss-9-day-weather-forecast']);
    expect((await search({ q: '空气质素' })).results[0].name).toBe('hk-epd-airteam-air-quality-health-index');
  });

  it('package_search: fq, paging, sort and facets shaped as CKAN returns them', async () => {
    const result = await search({
      fq: 'organization:hk-td +res_format:CSV',
      rows: '1',
      start: '0',
      sort: 'name asc',
      'facet.field': '["organization","res_format","tags"]',
    });
    expect(result.count).toBe(2);
    expect(result.results.map((pkg) => pkg.name)).toEqual(['hk-td-tis_2-traffic-snapshot-images']);
    expect(result.search_facets.organization).toEqual({
      title: 'organization',
      items: [{ name: 'hk-td', display_name: 'Transport Department', count: 2 }],
    });
    expect(result.facets.res_format).toEqual({ CSV: 2 });
    expect(result.sort).toBe('name asc');
  });

  it('package_search: facet counts and results never include unpublished datasets, whatever is asked', async () => {
    const result = await search({
      q: '*:*',
      rows: 1000,
      include_private: true,
      include_drafts: true,
      'facet.field': '["tags","organization"]',
      'facet.limit': -1,
    });
    expect(result.count).toBe(PUBLISHED.length);
    expect(result.search_facets.tags.items.map((item) => item.name)).not.toContain('internal');
    expect(result.search_facets.organization.items.reduce((sum, item) => sum + item.count, 0)).toBe(PUBLISHED.length);
  });

  it("package_search: an officer sees their own department's private datasets when asking for them", async () => {
    const mine = await search({ fq: 'organization:hk-td', include_private: true }, TD);
    expect(mine.results.map((pkg) => pkg.name)).toContain('hk-td-cctv-maintenance-schedule');
    const theirs = await search({ q: 'lightning', include_private: true }, TD);
    expect(theirs.count).toBe(0);
  });

  it('package_search: facet display names follow the language', async () => {
    const result = await packageSearch(
      env.deps,
      { ...PUBLIC, lang: 'tc' },
      params(packageSearchParams, { 'facet.field': '["organization","groups"]' }),
    );
    expect(result.search_facets.organization.items.find((item) => item.name === 'hk-td')?.display_name).toBe('運輸署');
    expect(result.search_facets.groups.items.find((item) => item.name === 'transport')?.display_name).toBe('運輸');
  });

  it('package_search: refuses unknown sort and facet fields as CKAN does', async () => {
    await expect(packageSearch(env.deps, PUBLIC, params(packageSearchParams, { sort: 'views desc' }))).rejects.toMatchObject({
      status: 409,
      code: 'search_failed',
    });
    await expect(packageSearch(env.deps, PUBLIC, params(packageSearchParams, { 'facet.field': '["secret"]' }))).rejects.toMatchObject({
      status: 409,
      code: 'search_failed',
    });
  });

  it('resource_show: a published resource; a private one is not found', async () => {
    const pkg = await packageShow(env.deps, PUBLIC, { id: 'hk-hko-daily-total-rainfall' });
    expect(await resourceShow(env.deps, PUBLIC, { id: pkg.resources[0].id })).toMatchObject({
      format: 'CSV',
      package_id: pkg.id,
      position: 0,
    });
    const hidden = await packageShow(env.deps, TD, { id: 'hk-td-cctv-maintenance-schedule' });
    await expect(resourceShow(env.deps, PUBLIC, { id: hidden.resources[0].id })).rejects.toMatchObject({ status: 404 });
  });

  it('organization_list: names, or dicts whose counts ignore unpublished datasets, sortable', async () => {
    expect(await organizationList(env.deps, PUBLIC, params(organizationListParams, { sort: 'name asc' }))).toEqual([
      'hk-dh',
      'hk-epd',
      'hk-hko',
      'hk-landsd',
      'hk-td',
    ]);
    const dicts = (await organizationList(
      env.deps,
      PUBLIC,
      params(organizationListParams, { all_fields: 'true', sort: 'package_count desc' }),
    )) as Array<{
      name: string;
      package_count: number;
    }>;
    const expected = (org: string) => SEED_DATASETS.filter((d) => d.org === org && !d.private && d.state !== 'draft').length;
    for (const dict of dicts) expect(dict.package_count).toBe(expected(dict.name));
    expect(dicts.map((d) => d.package_count)).toEqual([...dicts.map((d) => d.package_count)].sort((a, b) => b - a));
    await expect(organizationList(env.deps, PUBLIC, params(organizationListParams, { sort: 'budget desc' }))).rejects.toMatchObject({
      status: 409,
      code: 'validation_failed',
      details: { sort: [expect.stringMatching(/name, title or package_count/)] },
    });
  });

  it('organization_show and group_show: with their published datasets', async () => {
    const org = await organizationShow(
      env.deps,
      { ...PUBLIC, lang: 'sc' },
      params(organizationShowParams, { id: 'hk-td', include_datasets: 'true' }),
    );
    expect(org).toMatchObject({ name: 'hk-td', title: '运输署', is_organization: true, package_count: 4 });
    expect(org.packages?.map((pkg) => pkg.name)).not.toContain('hk-td-cctv-maintenance-schedule');
    const group = await groupShow(env.deps, PUBLIC, params(groupShowParams, { id: 'climate-and-weather' }));
    expect(group).toMatchObject({ name: 'climate-and-weather', package_count: 4, type: 'group' });
    await expect(groupShow(env.deps, PUBLIC, params(groupShowParams, { id: 'nope' }))).rejects.toMatchObject({ status: 404 });
    expect(await groupList(env.deps, PUBLIC, params(groupListParams, { sort: 'name asc' }))).toContain('transport');
  });

  it('tag_list: tags of published datasets only, filterable', async () => {
    const tags = (await tagList(env.deps, PUBLIC, params(tagListParams, {}))) as string[];
    expect(tags).toContain('traffic');
    expect(tags).toContain('交通');
    expect(tags).not.toContain('internal');
    expect(await tagList(env.deps, PUBLIC, params(tagListParams, { query: 'rain' }))).toEqual(['rainfall']);
  });

  it('package_search: more filters in fq_list, and only the fields fl names', async () => {
    const both = await search({ fq: 'organization:hk-td', fq_list: ['tags:traffic'], rows: 100 });
    const narrower = await search({ fq: 'organization:hk-td tags:traffic', rows: 100 });
    expect(both.count).toBeGreaterThan(0);
    expect(both.results.map((pkg) => pkg.name)).toEqual(narrower.results.map((pkg) => pkg.name));
    const fields = await search({ q: 'rainfall', fl: 'name,title' });
    expect(fields.results[0]).toEqual({ name: 'hk-hko-daily-total-rainfall', title: 'Daily Total Rainfall' });
  });

  it('organization_list and group_list: by words, by name, at most 25 with all_fields', async () => {
    expect(await organizationList(env.deps, PUBLIC, params(organizationListParams, { q: 'observatory' }))).toEqual(['hk-hko']);
    expect(await organizationList(env.deps, PUBLIC, params(organizationListParams, { q: '天文' }))).toEqual(['hk-hko']);
    expect(await groupList(env.deps, PUBLIC, params(groupListParams, { groups: ['transport', 'nope'] }))).toEqual(['transport']);
    expect(
      await organizationList(env.deps, PUBLIC, params(organizationListParams, { organizations: ['hk-td', 'hk-dh'], sort: 'name asc' })),
    ).toEqual(['hk-dh', 'hk-td']);
    expect(await groupList(env.deps, PUBLIC, params(groupListParams, { groups: [] }))).toHaveLength(7);
    const many = Array.from({ length: 30 }, (_, i) => organization(`org-${String(i).padStart(2, '0')}`, `D${i}`));
    const ports = { catalog: { current: async () => new SearchIndex(many) } } as unknown as OpenDataPorts;
    expect(await organizationList(ports, PUBLIC, params(organizationListParams, {}))).toHaveLength(30);
    expect(await organizationList(ports, PUBLIC, params(organizationListParams, { all_fields: true }))).toHaveLength(25);
    expect(
      await organizationList(ports, PUBLIC, params(organizationListParams, { all_fields: true, limit: 100, offset: 20 })),
    ).toHaveLength(10);
  });

  it('tag_list: q as CKAN reads it when query is not given; no tags in a vocabulary', async () => {
    expect(await tagList(env.deps, PUBLIC, params(tagListParams, { q: 'weath' }))).toEqual(['weather']);
    expect(await tagList(env.deps, PUBLIC, params(tagListParams, { vocabulary_id: 'country-codes' }))).toEqual([]);
  });

  it('status_show: the site and the CKAN version it answers like', async () => {
    expect(await statusShow(env.deps, { ...PUBLIC, lang: 'tc' })).toMatchObject({
      site_title: '資料一線通',
      site_url: 'https://data.example.gov.hk/open-data',
      ckan_version: expect.stringMatching(/^2\.\d+/),
    });
  });
});
