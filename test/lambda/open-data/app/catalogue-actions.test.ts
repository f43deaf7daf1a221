import { currentPackageListWithResources, packageAutocomplete, packageShow } from '../../../../lambda/open-data/app/datasets';
import {
  groupAutocomplete,
  groupPackageShow,
  organizationAutocomplete,
  organizationListForUser,
} from '../../../../lambda/open-data/app/organizations';
import {
  formatAutocomplete,
  resourceDelete,
  resourcePatch,
  resourceSearch,
  resourceShow,
  resourceViewList,
} from '../../../../lambda/open-data/app/resources';
import { helpShow, licenseList, siteRead, vocabularyList } from '../../../../lambda/open-data/app/site';
import { tagAutocomplete, tagSearch, tagShow } from '../../../../lambda/open-data/app/tags';
import {
  currentPackageListParams,
  formatAutocompleteParams,
  groupAutocompleteParams,
  groupPackageShowParams,
  organizationListForUserParams,
  packageAutocompleteParams,
  resourceSearchParams,
  tagSearchParams,
  tagShowParams,
} from '../../../../lambda/open-data/domain/params';
import { parseParams } from '../../../../lambda/open-data/domain/validation';
import { resourcePatchParams } from '../../../../lambda/open-data/domain/write-params';
import { DynamoAuditLog } from '../../../../lambda/open-data/store/audit-store';
import { SEED_DATASETS } from '../../../../lambda/open-data/store/seed-data';
import { ADMIN, EPD, PUBLIC, TD, useSeededOpenData } from '../open-data-setup';

const UNPUBLISHED = SEED_DATASETS.filter((d) => d.private || d.state === 'draft').map((d) => d.name);
const PUBLISHED = SEED_DATASETS.filter((d) => !d.private && d.state !== 'draft').map((d) => d.name);

const read = <S extends Parameters<typeof parseParams>[0]>(schema: S, raw: Record<string, unknown>) => parseParams(schema, raw);

describe('the rest of CKAN’s read actions a public portal answers', () => {
  const env = useSeededOpenData();

  it('site_read, license_list, vocabulary_list and help_show', async () => {
    expect(await siteRead()).toBe(true);
    const licenses = await licenseList();
    expect(licenses.find((license) => license.id === 'hk-dgo-terms')).toMatchObject({
      title: expect.stringMatching(/DATA\.GOV\.HK/),
      url: expect.stringMatching(/^https:/),
      od_conformance: 'approved',
      status: 'active',
    });
    expect(await vocabularyList()).toEqual([]);
    const help = await helpShow(env.deps, PUBLIC, { name: 'package_revise' });
    expect(help).toMatch(/^package_revise: /);
    expect(help).toMatch(/Parameters: match, update, filter, include\./);
    await expect(helpShow(env.deps, PUBLIC, { name: 'user_show' })).rejects.toMatchObject({ status: 404 });
  });

  it('tag_show: a tag of published datasets, with them if asked; a tag only unpublished datasets carry is not found', async () => {
    const tag = await tagShow(env.deps, PUBLIC, read(tagShowParams, { id: 'weather', include_datasets: 'true' }));
    expect(tag).toMatchObject({ id: 'weather', name: 'weather', display_name: 'weather', vocabulary_id: null });
    expect(tag.packages?.map((pkg) => pkg.name).sort()).toEqual(['hk-hko-rss-9-day-weather-forecast', 'hk-hko-rss-current-weather-report']);
    expect(await tagShow(env.deps, PUBLIC, read(tagShowParams, { id: 'weather' }))).not.toHaveProperty('packages');
    for (const id of ['internal', 'noise', 'no-such-tag'])
      await expect(tagShow(env.deps, PUBLIC, read(tagShowParams, { id }))).rejects.toMatchObject({ status: 404 });
    await expect(tagShow(env.deps, PUBLIC, read(tagShowParams, { id: 'weather', vocabulary_id: 'x' }))).rejects.toMatchObject({
      status: 404,
    });
  });

  it('tag_search and tag_autocomplete: tags containing every term, counted and paged', async () => {
    expect(await tagSearch(env.deps, PUBLIC, read(tagSearchParams, { query: 'weath' }))).toEqual({
      count: 1,
      results: [{ id: 'weather', name: 'weather', vocabulary_id: null }],
    });
    expect((await tagSearch(env.deps, PUBLIC, read(tagSearchParams, { query: ['air', 'ty'] }))).results.map((t) => t.name)).toEqual([
      'air-quality',
    ]);
    const paged = await tagSearch(env.deps, PUBLIC, read(tagSearchParams, { q: 'e', limit: '2', offset: '1' }));
    expect(paged.results).toHaveLength(2);
    expect(paged.count).toBeGreaterThan(3);
    expect(await tagAutocomplete(env.deps, PUBLIC, read(tagSearchParams, { query: 'clini' }))).toEqual(['clinic']);
    expect(await tagAutocomplete(env.deps, PUBLIC, read(tagSearchParams, { query: 'intern' }))).toEqual([]);
    expect(await tagSearch(env.deps, PUBLIC, read(tagSearchParams, {}))).toEqual({ count: 0, results: [] });
  });

  it('current_package_list_with_resources: the newest published datasets, ten unless asked', async () => {
    const newest = await currentPackageListWithResources(env.deps, PUBLIC, read(currentPackageListParams, {}));
    expect(newest).toHaveLength(10);
    const modified = newest.map((pkg) => pkg.metadata_modified ?? '');
    expect(modified).toEqual([...modified].sort().reverse());
    expect(newest.every((pkg) => PUBLISHED.includes(pkg.name) && Array.isArray(pkg.resources))).toBe(true);
    const all = await currentPackageListWithResources(env.deps, PUBLIC, read(currentPackageListParams, { limit: 1000 }));
    expect(all.map((pkg) => pkg.name).sort()).toEqual([...PUBLISHED].sort());
    const third = await currentPackageListWithResources(env.deps, PUBLIC, read(currentPackageListParams, { limit: 2, page: 2 }));
    expect(third.map((pkg) => pkg.name)).toEqual(all.slice(2, 4).map((pkg) => pkg.name));
    const forAdmin = await currentPackageListWithResources(env.deps, ADMIN, read(currentPackageListParams, { limit: 1000 }));
    expect(forAdmin.map((pkg) => pkg.name)).toContain('hk-td-cctv-maintenance-schedule');
  });

  it('package_autocomplete: by name first, then by title in any language; private ones to their department only', async () => {
    const byName = await packageAutocomplete(env.deps, PUBLIC, read(packageAutocompleteParams, { q: 'rainfall' }));
    expect(byName[0]).toEqual({
      name: 'hk-hko-daily-total-rainfall',
      title: 'Daily Total Rainfall',
      match_field: 'name',
      match_displayed: 'hk-hko-daily-total-rainfall',
    });
    const byTitle = await packageAutocomplete(env.deps, PUBLIC, read(packageAutocompleteParams, { q: '雨量' }));
    expect(byTitle).toEqual([expect.objectContaining({ name: 'hk-hko-daily-total-rainfall', match_field: 'title' })]);
    expect(byTitle[0].match_displayed).toBe('Daily Total Rainfall (hk-hko-daily-total-rainfall)');
    const q = { q: 'maintenance' };
    expect(await packageAutocomplete(env.deps, PUBLIC, read(packageAutocompleteParams, q))).toEqual([]);
    expect(await packageAutocomplete(env.deps, EPD, read(packageAutocompleteParams, q))).toEqual([]);
    expect((await packageAutocomplete(env.deps, TD, read(packageAutocompleteParams, q))).map((m) => m.name)).toEqual([
      'hk-td-cctv-maintenance-schedule',
    ]);
    expect(await packageAutocomplete(env.deps, PUBLIC, read(packageAutocompleteParams, { q: 'hk', limit: 3 }))).toHaveLength(3);
  });

  it('format_autocomplete, organization_autocomplete and group_autocomplete', async () => {
    expect(await formatAutocomplete(env.deps, PUBLIC, read(formatAutocompleteParams, { q: 'CS' }))).toEqual(['csv']);
    expect(await formatAutocomplete(env.deps, PUBLIC, read(formatAutocompleteParams, { q: '' }))).toEqual(
      expect.arrayContaining(['csv', 'json']),
    );
    expect(await organizationAutocomplete(env.deps, PUBLIC, read(groupAutocompleteParams, { q: 'observ' }))).toEqual([
      { id: 'org-hk-hko', name: 'hk-hko', title: 'Hong Kong Observatory' },
    ]);
    expect(await organizationAutocomplete(env.deps, { ...PUBLIC, lang: 'tc' }, read(groupAutocompleteParams, { q: '天文' }))).toEqual([
      { id: 'org-hk-hko', name: 'hk-hko', title: '香港天文台' },
    ]);
    expect((await groupAutocomplete(env.deps, PUBLIC, read(groupAutocompleteParams, { q: 'trans' }))).map((g) => g.name)).toEqual([
      'transport',
    ]);
  });

  it('group_package_show: a category’s published datasets, newest first, ten unless asked', async () => {
    const all = await groupPackageShow(env.deps, PUBLIC, read(groupPackageShowParams, { id: 'transport', limit: '100' }));
    const inGroup = SEED_DATASETS.filter((d) => d.groups.includes('transport') && PUBLISHED.includes(d.name)).map((d) => d.name);
    expect(all.map((pkg) => pkg.name).sort()).toEqual(inGroup.sort());
    expect(all.some((pkg) => UNPUBLISHED.includes(pkg.name))).toBe(false);
    expect(await groupPackageShow(env.deps, PUBLIC, read(groupPackageShowParams, { id: 'transport', limit: '1' }))).toHaveLength(1);
    await expect(groupPackageShow(env.deps, PUBLIC, read(groupPackageShowParams, { id: 'nope' }))).rejects.toMatchObject({ status: 404 });
  });

  it('organization_list_for_user: none for the public, its department for an officer, all for an admin', async () => {
    const ask = (ctx: typeof PUBLIC, raw: Record<string, unknown> = {}) =>
      organizationListForUser(env.deps, ctx, read(organizationListForUserParams, raw));
    expect(await ask(PUBLIC)).toEqual([]);
    expect(await ask(TD, { permission: 'create_dataset', include_dataset_count: true })).toEqual([
      expect.objectContaining({ name: 'hk-td', capacity: 'editor', package_count: expect.any(Number) }),
    ]);
    expect((await ask(TD)).map((org) => org.name)).toEqual(['hk-td']);
    expect(await ask(TD, { permission: 'membership' })).toEqual([]);
    const all = await ask(ADMIN, { permission: 'membership' });
    expect(all.map((org) => org.name).sort()).toEqual(['hk-dh', 'hk-epd', 'hk-hko', 'hk-landsd', 'hk-td']);
    expect(all.every((org) => org.capacity === 'admin')).toBe(true);
    await expect(ask(TD, { id: 'someone-else' })).rejects.toMatchObject({ status: 404 });
  });

  it('resource_search: resources of published datasets holding every field:term', async () => {
    const csv = await resourceSearch(env.deps, PUBLIC, read(resourceSearchParams, { query: 'format:csv', limit: 1000 }));
    expect(csv.count).toBeGreaterThan(0);
    expect(csv.results.every((r) => r.format === 'CSV')).toBe(true);
    const rainfall = await resourceSearch(env.deps, PUBLIC, read(resourceSearchParams, { query: ['name:rainfall', 'format:CSV'] }));
    expect(rainfall.results.map((r) => r.name)).toEqual(['Daily rainfall (all years)']);
    const byHash = await resourceSearch(
      env.deps,
      PUBLIC,
      read(resourceSearchParams, { query: `hash:${rainfall.results[0].hash.slice(0, 6)}` }),
    );
    expect(byHash.results.map((r) => r.id)).toEqual([rainfall.results[0].id]);
    const hidden = await resourceSearch(env.deps, PUBLIC, read(resourceSearchParams, { query: 'name:maintenance' }));
    expect(hidden).toEqual({ count: 0, results: [] });
    const ordered = await resourceSearch(
      env.deps,
      PUBLIC,
      read(resourceSearchParams, { query: 'url:http', order_by: 'name', limit: 1000 }),
    );
    expect(ordered.results.map((r) => r.name)).toEqual(ordered.results.map((r) => r.name).sort());
    for (const [raw, message] of [
      [{}, 'Missing value'],
      [{ query: 'rainfall' }, 'Must be <field>:<value> pair(s)'],
      [{ query: 'colour:red' }, 'Field "colour" not recognised in resource_search.'],
    ] as const) {
      await expect(resourceSearch(env.deps, PUBLIC, read(resourceSearchParams, raw))).rejects.toMatchObject({
        status: 409,
        details: { query: [message] },
      });
    }
  });

  it('resource_view_list: no views, for a resource that may be read', async () => {
    const pkg = await packageShow(env.deps, PUBLIC, { id: 'hk-hko-daily-total-rainfall' });
    expect(await resourceViewList(env.deps, PUBLIC, { id: pkg.resources[0].id })).toEqual([]);
    await expect(resourceViewList(env.deps, PUBLIC, { id: 'no-such-resource' })).rejects.toMatchObject({ status: 404 });
  });

  describe('resource_patch and resource_delete', () => {
    it('patches only the given fields, for the owning department', async () => {
      const pkg = await packageShow(env.deps, TD, { id: 'hk-td-tis_5-journey-time-indicators' });
      const before = pkg.resources[0];
      const patched = await resourcePatch(
        env.deps,
        TD,
        parseParams(resourcePatchParams, { id: before.id, description: 'Every two minutes' }),
      );
      expect(patched).toMatchObject({
        id: before.id,
        name: before.name,
        url: before.url,
        format: before.format,
        description: 'Every two minutes',
      });
      await expect(resourcePatch(env.deps, EPD, { id: before.id, description: 'x' })).rejects.toMatchObject({ status: 403 });
      await expect(resourcePatch(env.deps, PUBLIC, { id: before.id, description: 'x' })).rejects.toMatchObject({ status: 403 });
    });

    it('deletes a resource from its dataset, audited; others may not', async () => {
      const pkg = await packageShow(env.deps, TD, { id: 'hk-td-wcms_3-special-traffic-news' });
      const doomed = pkg.resources[0];
      await expect(resourceDelete(env.deps, EPD, { id: doomed.id })).rejects.toMatchObject({ status: 403 });
      await expect(resourceDelete(env.deps, PUBLIC, { id: doomed.id })).rejects.toMatchObject({ status: 403 });
      expect(await resourceDelete(env.deps, TD, { id: doomed.id })).toBeNull();
      await expect(resourceShow(env.deps, PUBLIC, { id: doomed.id })).rejects.toMatchObject({ status: 404 });
      const after = await packageShow(env.deps, PUBLIC, { id: pkg.id });
      expect(after.resources.map((r) => r.id)).toEqual(pkg.resources.slice(1).map((r) => r.id));
      expect((await new DynamoAuditLog().forPackage(pkg.id)).map((entry) => [entry.action, entry.detail])).toContainEqual([
        'resource_delete',
        doomed.id,
      ]);
      await expect(resourceDelete(env.deps, TD, { id: doomed.id })).rejects.toMatchObject({ status: 404 });
    });
  });
});
