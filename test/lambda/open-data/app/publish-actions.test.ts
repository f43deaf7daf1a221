import { datasetEtag, packageForRead, packageList, packageSearch, packageShow } from '../../../../lambda/open-data/app/datasets';
import { packageCreate, packageDelete, packagePatch, packageRevise, packageUpdate } from '../../../../lambda/open-data/app/publishing';
import { resourceCreate } from '../../../../lambda/open-data/app/resources';
import type { PackageSearchParams } from '../../../../lambda/open-data/domain/params';
import { type PackageReviseParams, packageReviseParams } from '../../../../lambda/open-data/domain/revise';
import { parseParams } from '../../../../lambda/open-data/domain/validation';
import { type PackageCreateParams, packageCreateParams, packageUpdateParams } from '../../../../lambda/open-data/domain/write-params';
import { DynamoAuditLog } from '../../../../lambda/open-data/store/audit-store';
import { ADMIN, EPD, PUBLIC, TD, useSeededOpenData } from '../open-data-setup';

function createInput(raw: Record<string, unknown>): PackageCreateParams {
  return parseParams(packageCreateParams, raw);
}

function reviseInput(raw: Record<string, unknown>): PackageReviseParams {
  return parseParams(packageReviseParams, raw);
}

const searchAll: PackageSearchParams = {
  rows: 1000,
  start: 0,
  facet: false,
  'facet.field': [],
  'facet.limit': 50,
  'facet.mincount': 1,
  include_private: false,
  include_drafts: false,
};

describe('publishing actions', () => {
  const env = useSeededOpenData();

  it('lets an officer of the owning department create a dataset, which the public then finds', async () => {
    const created = await packageCreate(
      env.deps,
      TD,
      createInput({
        name: 'hk-td-parking-vacancy',
        title: 'Parking Vacancy',
        title_translated: { tc: '泊車位空置', sc: '泊车位空置' },
        notes: 'Vacant parking spaces of car parks.',
        owner_org: 'hk-td',
        tags: [{ name: 'parking' }],
        groups: [{ name: 'transport' }],
        resources: [{ url: 'https://resource.example.gov.hk/td/parking.json', format: 'JSON', name: 'Vacancy' }],
      }),
    );
    expect(created).toMatchObject({
      name: 'hk-td-parking-vacancy',
      organization: { name: 'hk-td' },
      state: 'active',
      private: false,
      num_resources: 1,
    });
    expect(await packageList(env.deps, PUBLIC, {})).toContain('hk-td-parking-vacancy');
    const found = await packageSearch(env.deps, PUBLIC, { ...searchAll, q: '泊車' });
    expect(found.results.map((pkg) => pkg.name)).toEqual(['hk-td-parking-vacancy']);
    const trail = await new DynamoAuditLog().forPackage(created.id);
    expect(trail).toEqual([
      expect.objectContaining({ action: 'package_create', actor: 'officer:TD', sourceIp: '203.0.113.7', revision: 1 }),
    ]);
  });

  it("refuses other departments' officers and the public", async () => {
    const input = createInput({ name: 'hk-td-by-epd', title: 'Not theirs', owner_org: 'hk-td' });
    await expect(packageCreate(env.deps, EPD, input)).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/only officers of TD/),
    });
    await expect(packageCreate(env.deps, PUBLIC, input)).rejects.toMatchObject({ status: 403 });
    await expect(packageShow(env.deps, ADMIN, { id: 'hk-td-by-epd' })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a name already in use', async () => {
    const outcome = packageCreate(env.deps, TD, createInput({ name: 'hk-td-sm_1-traffic-speed-map', title: 'Copy', owner_org: 'hk-td' }));
    await expect(outcome).rejects.toMatchObject({
      status: 409,
      code: 'validation_failed',
      details: { name: ['That URL is already in use.'] },
    });
  });

  it('keeps private and draft datasets from the public until published', async () => {
    await packageCreate(
      env.deps,
      TD,
      createInput({ name: 'hk-td-secret-plan', title: 'Secret plan', owner_org: 'hk-td', private: 'true' }),
    );
    await packageCreate(env.deps, TD, createInput({ name: 'hk-td-draft-plan', title: 'Draft plan', owner_org: 'hk-td', state: 'draft' }));
    const names = await packageList(env.deps, PUBLIC, {});
    expect(names).not.toContain('hk-td-secret-plan');
    expect(names).not.toContain('hk-td-draft-plan');
    expect((await packageSearch(env.deps, PUBLIC, { ...searchAll, q: 'plan' })).count).toBe(0);
    await packagePatch(env.deps, TD, { id: 'hk-td-secret-plan', private: false });
    expect((await packageSearch(env.deps, PUBLIC, { ...searchAll, q: 'plan' })).results.map((pkg) => pkg.name)).toEqual([
      'hk-td-secret-plan',
    ]);
  });

  it('package_patch changes only the given fields; package_update replaces them', async () => {
    const before = await packageShow(env.deps, TD, { id: 'hk-td-tis_5-journey-time-indicators' });
    const patched = await packagePatch(env.deps, TD, { id: before.id, notes: 'Journey times, every two minutes.' });
    expect(patched).toMatchObject({
      notes: 'Journey times, every two minutes.',
      title: before.title,
      tags: before.tags,
      resources: before.resources.map((r) => ({ id: r.id })),
    });
    expect(patched.title_translated.tc).toBe('行車時間指示');
    const updated = await packageUpdate(env.deps, TD, {
      id: before.id,
      title: 'Journey Time Indicators',
      owner_org: 'hk-td',
      tags: [{ name: 'journey-time' }],
    });
    expect(updated).toMatchObject({ notes: '', tags: [{ name: 'journey-time' }], num_resources: before.num_resources });
  });

  it('lets only one of two concurrent updates through; the other gets a 409 and changes nothing', async () => {
    const id = 'hk-td-wcms_3-special-traffic-news';
    const outcomes = await Promise.allSettled([
      packagePatch(env.deps, TD, { id, notes: 'Edit by officer A' }),
      packagePatch(env.deps, TD, { id, notes: 'Edit by officer B' }),
    ]);
    expect(outcomes.map((o) => o.status === 'fulfilled').sort()).toEqual([false, true]);
    const loser = outcomes.find((o) => o.status === 'rejected');
    expect(loser).toMatchObject({
      reason: { status: 409, code: 'validation_failed', details: { match: [expect.stringMatching(/fetch it again/)] } },
    });
    const winner = outcomes.find((o) => o.status === 'fulfilled');
    expect((await packageShow(env.deps, PUBLIC, { id })).notes).toBe(winner?.status === 'fulfilled' && winner.value.notes);
  });

  it('honours If-Match: an ETag of an older revision is refused', async () => {
    const pkg = (await packageForRead(env.deps, TD, 'hk-td-sm_1-traffic-speed-map'))!;
    const etag = datasetEtag(pkg);
    await packagePatch(env.deps, { ...TD, ifMatch: etag }, { id: pkg.id, notes: 'First' });
    await expect(packagePatch(env.deps, { ...TD, ifMatch: etag }, { id: pkg.id, notes: 'Second' })).rejects.toMatchObject({
      status: 409,
      code: 'validation_failed',
    });
    expect((await packageShow(env.deps, PUBLIC, { id: pkg.id })).notes).toBe('First');
  });

  it('package_revise applies an update only while the dataset matches', async () => {
    const current = await packageShow(env.deps, PUBLIC, { id: 'hk-td-tis_2-traffic-snapshot-images' });
    const revised = await packageRevise(
      env.deps,
      TD,
      reviseInput({
        match: { id: current.id, metadata_modified: current.metadata_modified },
        update: { notes: 'Revised', resources: [{ description: 'Camera list' }] },
      }),
    );
    expect(revised.package).toMatchObject({
      notes: 'Revised',
      tags: current.tags,
      resources: [{ id: current.resources[0].id, description: 'Camera list' }],
    });
    const stale = packageRevise(
      env.deps,
      TD,
      reviseInput({
        match: { id: current.id, metadata_modified: current.metadata_modified },
        update: { notes: 'Lost' },
      }),
    );
    await expect(stale).rejects.toMatchObject({ status: 409, code: 'validation_failed', details: { match: ['metadata_modified'] } });
    await expect(packageRevise(env.deps, TD, reviseInput({ match: { title: 'x' }, update: {} }))).rejects.toMatchObject({
      details: { match__id: ['Missing value'] },
    });
    // A field the dataset schema does not have is ignored, as CKAN's package_update ignores it.
    const ignored = await packageRevise(env.deps, TD, reviseInput({ match: { id: current.id }, update: { colour: 'red' } }));
    expect(ignored.package).not.toHaveProperty('colour');
    expect(ignored.package).toMatchObject({ notes: 'Revised' });
  });

  it('package_revise takes CKAN’s flattened keys, __extend, filter and include', async () => {
    const current = await packageShow(env.deps, TD, { id: 'hk-td-sm_1-traffic-speed-map' });
    const revised = (
      await packageRevise(
        env.deps,
        TD,
        reviseInput({
          match__id: current.id,
          match__metadata_modified: current.metadata_modified,
          update__resources__extend: [{ name: 'Speed map, as GeoJSON', url: 'https://resource.example.gov.hk/td/speed.geojson' }],
          update__resources__0: { description: 'The first file' },
          update__title_translated__tc: '車速地圖',
        }),
      )
    ).package as typeof current;
    expect(revised.resources.map((r) => r.name)).toEqual([...current.resources.map((r) => r.name), 'Speed map, as GeoJSON']);
    expect(revised.resources[0]).toMatchObject({
      id: current.resources[0].id,
      description: 'The first file',
      url: current.resources[0].url,
    });
    expect(revised.title_translated).toEqual({ ...current.title_translated, tc: '車速地圖' });
    expect(revised.title).toBe(current.title);

    const added = revised.resources[revised.resources.length - 1];
    const filtered = await packageRevise(
      env.deps,
      TD,
      reviseInput({
        match: { id: current.id },
        filter: [`-resources__${added.id.slice(0, 8)}`],
        include: ['+package__name', '+package__resources', '-package__*'],
      }),
    );
    expect(Object.keys(filtered.package as object)).toEqual(['name', 'resources']);
    expect((filtered.package as typeof current).resources.map((r) => r.name)).toEqual(current.resources.map((r) => r.name));
    expect(await packageRevise(env.deps, TD, reviseInput({ match: { id: current.id }, include: '-*' }))).toEqual({});

    await expect(
      packageRevise(env.deps, TD, reviseInput({ match: { id: current.id }, update__resources__9__name: 'x' })),
    ).rejects.toMatchObject({ status: 409, details: { update__resources__9__name: ['Unmatched key resources__9'] } });
    await expect(
      packageRevise(env.deps, TD, reviseInput({ match: { id: current.id }, match__resources__0__name: 'not its name' })),
    ).rejects.toMatchObject({ status: 409, details: { match: ['resources__0__name'] } });
  });

  it('package_delete hides a dataset from everyone but its department, and keeps it', async () => {
    await packageCreate(env.deps, TD, createInput({ name: 'hk-td-to-delete', title: 'To delete', owner_org: 'hk-td' }));
    await expect(packageDelete(env.deps, EPD, { id: 'hk-td-to-delete' })).rejects.toMatchObject({ status: 403 });
    expect(await packageDelete(env.deps, TD, { id: 'hk-td-to-delete' })).toBeNull();
    expect(await packageList(env.deps, PUBLIC, {})).not.toContain('hk-td-to-delete');
    await expect(packageShow(env.deps, PUBLIC, { id: 'hk-td-to-delete' })).rejects.toMatchObject({ status: 404 });
    expect((await packageShow(env.deps, TD, { id: 'hk-td-to-delete' })).state).toBe('deleted');
    expect(await packageDelete(env.deps, TD, { id: 'hk-td-to-delete' })).toBeNull();
  });

  it("hides another department's unpublished dataset from an officer trying to change it", async () => {
    await expect(packagePatch(env.deps, EPD, { id: 'hk-td-cctv-maintenance-schedule', notes: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(packagePatch(env.deps, PUBLIC, { id: 'hk-td-cctv-maintenance-schedule', notes: 'x' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('refuses moving a dataset to a department the officer does not belong to', async () => {
    await expect(packagePatch(env.deps, TD, { id: 'hk-td-sm_1-traffic-speed-map', owner_org: 'hk-epd' })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('adds resources from concurrent requests without losing one', async () => {
    const id = 'hk-td-tis_2-traffic-snapshot-images';
    const before = (await packageShow(env.deps, PUBLIC, { id })).num_resources;
    const added = await Promise.all(
      ['a', 'b', 'c'].map((n) =>
        resourceCreate(env.deps, TD, { package_id: id, url: `https://resource.example.gov.hk/td/${n}.csv`, format: 'CSV' }),
      ),
    );
    // Promise.all rejects if any of them was refused.
    expect(added).toHaveLength(3);
    expect((await packageShow(env.deps, PUBLIC, { id })).num_resources).toBe(before + 3);
  });

  it('takes back a dataset as package_show gives it, read-only fields and all, changing nothing else', async () => {
    const shown = await packageShow(env.deps, TD, { id: 'hk-hko-daily-total-rainfall' });
    const admin = await packageUpdate(env.deps, ADMIN, parseParams(packageUpdateParams, { ...shown, notes: 'Daily rainfall, in mm.' }));
    const { metadata_modified: _at, notes: _notes, notes_translated, resources, ...unchanged } = shown;
    expect(admin).toMatchObject({
      ...unchanged,
      notes: 'Daily rainfall, in mm.',
      notes_translated: { ...notes_translated, en: 'Daily rainfall, in mm.' },
      resources: resources.map(({ metadata_modified: _resourceAt, ...resource }) => resource),
    });
  });

  it('titles a dataset created without a title by its name', async () => {
    const created = await packageCreate(env.deps, TD, createInput({ name: 'hk-td-untitled', owner_org: 'hk-td' }));
    expect(created).toMatchObject({ title: 'hk-td-untitled', title_translated: { en: 'hk-td-untitled' } });
  });

  it('another function instance sees the changes on its next refresh', async () => {
    const other = env.another();
    await packageSearch(other, PUBLIC, { ...searchAll });
    await packageCreate(env.deps, TD, createInput({ name: 'hk-td-seen-elsewhere', title: 'Seen elsewhere', owner_org: 'hk-td' }));
    env.clock.advance(10);
    expect(await packageList(other, PUBLIC, {})).toContain('hk-td-seen-elsewhere');
  });
});
