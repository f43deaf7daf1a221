import { datasetEtag, packageForRead, packageList, packageSearch, packageShow } from '../../../../lambda/open-data/app/datasets';
import { packageCreate, packageDelete, packagePatch, packageRevise, packageUpdate } from '../../../../lambda/open-data/app/publishing';
import { resourceCreate } from '../../../../lambda/open-data/app/resources';
import type { PackageSearchParams } from '../../../../lambda/open-data/domain/params';
import { parseParams } from '../../../../lambda/open-data/domain/validation';
import { type PackageCreateParams, packageCreateParams } from '../../../../lambda/open-data/domain/write-params';
import { DynamoAuditLog } from '../../../../lambda/open-data/store/audit-store';
import { ADMIN, EPD, PUBLIC, TD, useSeededOpenData, value } from '../open-data-setup';

function createInput(raw: Record<string, unknown>): PackageCreateParams {
  return value(parseParams(packageCreateParams, raw));
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
    const created = value(
      await packageCreate(
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
      ),
    );
    expect(created).toMatchObject({
      name: 'hk-td-parking-vacancy',
      organization: { name: 'hk-td' },
      state: 'active',
      private: false,
      num_resources: 1,
    });
    expect(value(await packageList(env.deps, PUBLIC, {}))).toContain('hk-td-parking-vacancy');
    const found = value(await packageSearch(env.deps, PUBLIC, { ...searchAll, q: '泊車' }));
    expect(found.results.map((pkg) => pkg.name)).toEqual(['hk-td-parking-vacancy']);
    const trail = await new DynamoAuditLog().forPackage(created.id);
    expect(trail).toEqual([
      expect.objectContaining({ action: 'package_create', actor: 'officer:TD', sourceIp: '203.0.113.7', revision: 1 }),
    ]);
  });

  it("refuses other departments' officers and the public", async () => {
    const input = createInput({ name: 'hk-td-by-epd', title: 'Not theirs', owner_org: 'hk-td' });
    expect(await packageCreate(env.deps, EPD, input)).toMatchObject({
      ok: false,
      error: { kind: 'not-authorized', message: expect.stringMatching(/only officers of TD/) },
    });
    expect(await packageCreate(env.deps, PUBLIC, input)).toMatchObject({ ok: false, error: { kind: 'not-authorized' } });
    expect(await packageShow(env.deps, ADMIN, { id: 'hk-td-by-epd' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('refuses a name already in use', async () => {
    const outcome = await packageCreate(
      env.deps,
      TD,
      createInput({ name: 'hk-td-sm_1-traffic-speed-map', title: 'Copy', owner_org: 'hk-td' }),
    );
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'validation', fields: { name: ['That URL is already in use.'] } } });
  });

  it('keeps private and draft datasets from the public until published', async () => {
    value(
      await packageCreate(
        env.deps,
        TD,
        createInput({ name: 'hk-td-secret-plan', title: 'Secret plan', owner_org: 'hk-td', private: 'true' }),
      ),
    );
    value(
      await packageCreate(env.deps, TD, createInput({ name: 'hk-td-draft-plan', title: 'Draft plan', owner_org: 'hk-td', state: 'draft' })),
    );
    const names = value(await packageList(env.deps, PUBLIC, {}));
    expect(names).not.toContain('hk-td-secret-plan');
    expect(names).not.toContain('hk-td-draft-plan');
    expect(value(await packageSearch(env.deps, PUBLIC, { ...searchAll, q: 'plan' })).count).toBe(0);
    value(await packagePatch(env.deps, TD, { id: 'hk-td-secret-plan', private: false }));
    expect(value(await packageSearch(env.deps, PUBLIC, { ...searchAll, q: 'plan' })).results.map((pkg) => pkg.name)).toEqual([
      'hk-td-secret-plan',
    ]);
  });

  it('package_patch changes only the given fields; package_update replaces them', async () => {
    const before = value(await packageShow(env.deps, TD, { id: 'hk-td-tis_5-journey-time-indicators' }));
    const patched = value(await packagePatch(env.deps, TD, { id: before.id, notes: 'Journey times, every two minutes.' }));
    expect(patched).toMatchObject({
      notes: 'Journey times, every two minutes.',
      title: before.title,
      tags: before.tags,
      resources: before.resources.map((r) => ({ id: r.id })),
    });
    expect(patched.title_translated.tc).toBe('行車時間指示');
    const updated = value(
      await packageUpdate(env.deps, TD, {
        id: before.id,
        title: 'Journey Time Indicators',
        owner_org: 'hk-td',
        tags: [{ name: 'journey-time' }],
      }),
    );
    expect(updated).toMatchObject({ notes: '', tags: [{ name: 'journey-time' }], num_resources: before.num_resources });
  });

  it('lets only one of two concurrent updates through; the other gets a 409 and changes nothing', async () => {
    const id = 'hk-td-wcms_3-special-traffic-news';
    const outcomes = await Promise.all([
      packagePatch(env.deps, TD, { id, notes: 'Edit by officer A' }),
      packagePatch(env.deps, TD, { id, notes: 'Edit by officer B' }),
    ]);
    expect(outcomes.map((o) => o.ok).sort()).toEqual([false, true]);
    const loser = outcomes.find((o) => !o.ok);
    expect(loser).toMatchObject({ ok: false, error: { kind: 'validation', fields: { match: [expect.stringMatching(/fetch it again/)] } } });
    const winner = outcomes.find((o) => o.ok);
    expect(value(await packageShow(env.deps, PUBLIC, { id })).notes).toBe(winner?.ok && winner.value.notes);
  });

  it('honours If-Match: an ETag of an older revision is refused', async () => {
    const pkg = (await packageForRead(env.deps, TD, 'hk-td-sm_1-traffic-speed-map'))!;
    const etag = datasetEtag(pkg);
    value(await packagePatch(env.deps, { ...TD, ifMatch: etag }, { id: pkg.id, notes: 'First' }));
    expect(await packagePatch(env.deps, { ...TD, ifMatch: etag }, { id: pkg.id, notes: 'Second' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(value(await packageShow(env.deps, PUBLIC, { id: pkg.id })).notes).toBe('First');
  });

  it('package_revise applies an update only while the dataset matches', async () => {
    const current = value(await packageShow(env.deps, PUBLIC, { id: 'hk-td-tis_2-traffic-snapshot-images' }));
    const revised = value(
      await packageRevise(env.deps, TD, {
        match: { id: current.id, metadata_modified: current.metadata_modified },
        update: { notes: 'Revised', resources: [{ description: 'Camera list' }] },
      }),
    );
    expect(revised.package).toMatchObject({
      notes: 'Revised',
      tags: current.tags,
      resources: [{ id: current.resources[0].id, description: 'Camera list' }],
    });
    const stale = await packageRevise(env.deps, TD, {
      match: { id: current.id, metadata_modified: current.metadata_modified },
      update: { notes: 'Lost' },
    });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'validation', fields: { match: ['metadata_modified'] } } });
    expect(await packageRevise(env.deps, TD, { match: { title: 'x' }, update: {} })).toMatchObject({
      ok: false,
      error: { fields: { match__id: ['Missing value'] } },
    });
    expect(await packageRevise(env.deps, TD, { match: { id: current.id }, update: { colour: 'red' } })).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { colour: [expect.any(String)] } },
    });
  });

  it('package_delete hides a dataset from everyone but its department, and keeps it', async () => {
    value(await packageCreate(env.deps, TD, createInput({ name: 'hk-td-to-delete', title: 'To delete', owner_org: 'hk-td' })));
    expect(await packageDelete(env.deps, EPD, { id: 'hk-td-to-delete' })).toMatchObject({ ok: false, error: { kind: 'not-authorized' } });
    expect(value(await packageDelete(env.deps, TD, { id: 'hk-td-to-delete' }))).toBeNull();
    expect(value(await packageList(env.deps, PUBLIC, {}))).not.toContain('hk-td-to-delete');
    expect(await packageShow(env.deps, PUBLIC, { id: 'hk-td-to-delete' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(value(await packageShow(env.deps, TD, { id: 'hk-td-to-delete' })).state).toBe('deleted');
    expect(value(await packageDelete(env.deps, TD, { id: 'hk-td-to-delete' }))).toBeNull();
  });

  it("hides another department's unpublished dataset from an officer trying to change it", async () => {
    expect(await packagePatch(env.deps, EPD, { id: 'hk-td-cctv-maintenance-schedule', notes: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
    expect(await packagePatch(env.deps, PUBLIC, { id: 'hk-td-cctv-maintenance-schedule', notes: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });

  it('refuses moving a dataset to a department the officer does not belong to', async () => {
    expect(await packagePatch(env.deps, TD, { id: 'hk-td-sm_1-traffic-speed-map', owner_org: 'hk-epd' })).toMatchObject({
      ok: false,
      error: { kind: 'not-authorized' },
    });
  });

  it('adds resources from concurrent requests without losing one', async () => {
    const id = 'hk-td-tis_2-traffic-snapshot-images';
    const before = value(await packageShow(env.deps, PUBLIC, { id })).num_resources;
    const added = await Promise.all(
      ['a', 'b', 'c'].map((n) =>
        resourceCreate(env.deps, TD, { package_id: id, url: `https://resource.example.gov.hk/td/${n}.csv`, format: 'CSV' }),
      ),
    );
    expect(added.every((outcome) => outcome.ok)).toBe(true);
    expect(value(await packageShow(env.deps, PUBLIC, { id })).num_resources).toBe(before + 3);
  });

  it('another function instance sees the changes on its next refresh', async () => {
    const other = env.another();
    await packageSearch(other, PUBLIC, { ...searchAll });
    value(await packageCreate(env.deps, TD, createInput({ name: 'hk-td-seen-elsewhere', title: 'Seen elsewhere', owner_org: 'hk-td' })));
    env.clock.advance(10);
    expect(value(await packageList(other, PUBLIC, {}))).toContain('hk-td-seen-elsewhere');
  });
});
