import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { storage } from '../../../../lambda/open-data/storage';
import { DynamoPackageRepository } from '../../../../lambda/open-data/store/package-store';
import { DynamoRegistryRepository } from '../../../../lambda/open-data/store/registry-store';
import { dynamo, tableName } from '../../../../lambda/shared/aws-clients';
import { tableEnvName } from '../../../../lambda/shared/storage-definition';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';
import { dataset, group, organization, resource, TestClock } from '../builders';

describe('catalog table adapters', () => {
  useEmbeddedStorage('open-data', storage);
  const clock = new TestClock();
  const packages = new DynamoPackageRepository(() => clock.now());

  it('creates a dataset, finds it by id, name and resource, and never overwrites it', async () => {
    const pkg = dataset('rain-a', { resources: [resource('res-a')] });
    expect(await packages.create(pkg)).toBe('created');
    expect(await packages.get(pkg.id)).toEqual(pkg);
    expect((await packages.getByName('rain-a'))?.id).toBe(pkg.id);
    expect(await packages.packageIdOfResource('res-a')).toBe(pkg.id);
    await expect(packages.create({ ...pkg, name: 'rain-a-again' })).rejects.toThrow(/already exists/);
    expect(await packages.get(pkg.id)).toEqual(pkg);
  });

  it('refuses a second dataset with a name in use', async () => {
    await packages.create(dataset('taken', { id: 'first' }));
    expect(await packages.create(dataset('taken', { id: 'second' }))).toBe('name-taken');
    expect(await packages.get('second')).toBeUndefined();
    expect((await packages.getByName('taken'))?.id).toBe('first');
  });

  it('lets exactly one of two concurrent updates of the same revision through', async () => {
    const base = dataset('contested', { id: 'contested' });
    await packages.create(base);
    const outcomes = await Promise.all([
      packages.replace({ ...base, title: { en: 'Edit A' }, revision: 2 }, base.name),
      packages.replace({ ...base, title: { en: 'Edit B' }, revision: 2 }, base.name),
    ]);
    expect([...outcomes].sort()).toEqual(['conflict', 'updated']);
    const stored = await packages.get('contested');
    expect(stored?.revision).toBe(2);
    expect(stored?.title.en).toBe(outcomes[0] === 'updated' ? 'Edit A' : 'Edit B');
  });

  it('refuses an update built on a stale revision', async () => {
    const base = dataset('stale', { id: 'stale' });
    await packages.create(base);
    expect(await packages.replace({ ...base, revision: 2 }, base.name)).toBe('updated');
    expect(await packages.replace({ ...base, title: { en: 'Late' }, revision: 2 }, base.name)).toBe('conflict');
    expect((await packages.get('stale'))?.title.en).toBe('stale');
  });

  it('renames: the new name is claimed, the old one freed; a taken name leaves everything as it was', async () => {
    const base = dataset('old-name', { id: 'renamed' });
    await packages.create(base);
    await packages.create(dataset('other-name', { id: 'other' }));
    expect(await packages.replace({ ...base, name: 'other-name', revision: 2 }, 'old-name')).toBe('name-taken');
    expect((await packages.get('renamed'))?.name).toBe('old-name');
    expect(await packages.replace({ ...base, name: 'new-name', revision: 2 }, 'old-name')).toBe('updated');
    expect((await packages.getByName('new-name'))?.id).toBe('renamed');
    expect(await packages.getByName('old-name')).toBeUndefined();
    expect(await packages.create(dataset('old-name', { id: 'reuses-old-name' }))).toBe('created');
  });

  it('takes over a name claim abandoned by a dataset that was never written, but not a fresh one', async () => {
    const TableName = tableName(tableEnvName('catalog'));
    await dynamo().send(
      new PutCommand({ TableName, Item: { pk: 'NAME#orphan', sk: 'NAME', packageId: 'ghost', claimedAt: clock.now().toISOString() } }),
    );
    expect(await packages.create(dataset('orphan', { id: 'late' }))).toBe('name-taken');
    clock.advance(120_000);
    expect(await packages.create(dataset('orphan', { id: 'late' }))).toBe('created');
  });

  it('links resources added by a later revision', async () => {
    const base = dataset('grows', { id: 'grows' });
    await packages.create(base);
    await packages.replace({ ...base, resources: [resource('added-later')], revision: 2 }, base.name);
    expect(await packages.packageIdOfResource('added-later')).toBe('grows');
  });

  it('loads every dataset and those written since an instant', async () => {
    clock.advance(1000);
    const before = clock.now().toISOString();
    clock.advance(1000);
    await packages.create(dataset('fresh', { id: 'fresh', metadata_modified: '2020-01-01T00:00:00.000Z' }));
    const all = await packages.all();
    expect(all.map((pkg) => pkg.id)).toEqual(expect.arrayContaining(['fresh', 'contested', 'stale']));
    expect((await packages.changedSince(before)).map((pkg) => pkg.id)).toEqual(['fresh']);
  });

  it('stores and lists organizations and groups', async () => {
    const registry = new DynamoRegistryRepository();
    await registry.putOrganization(organization('hk-td', 'TD'));
    await registry.putOrganization(organization('hk-epd', 'EPD'));
    await registry.putGroup(group('transport'));
    expect((await registry.organizations()).map((org) => org.name).sort()).toEqual(['hk-epd', 'hk-td']);
    expect((await registry.groups()).map((g) => g.name)).toEqual(['transport']);
  });
});
