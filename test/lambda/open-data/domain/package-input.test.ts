import { buildPackage, editableInput, type PackageBuildContext } from '../../../../lambda/open-data/domain/package-input';
import { parseParams } from '../../../../lambda/open-data/domain/validation';
import { packageCreateParams, packageUpdateParams } from '../../../../lambda/open-data/domain/write-params';
import { dataset, group, NOW, organization, resource, thrown } from '../builders';

const ORGS = [organization('hk-td', 'TD')];
const GROUPS = [group('transport')];
let counter = 0;
const ctx: PackageBuildContext = {
  now: NOW,
  actor: 'officer:TD',
  newId: () => `new-${++counter}`,
  organization: (ref) => ORGS.find((org) => org.id === ref || org.name === ref),
  group: (ref) => GROUPS.find((g) => g.id === ref || g.name === ref),
};

function input(raw: Record<string, unknown>) {
  return parseParams(packageCreateParams, raw);
}

describe('buildPackage', () => {
  it('stores trilingual titles from title and title_translated, resolving the organization by name', () => {
    const built = buildPackage(
      input({
        name: 'rain',
        title: 'Rainfall',
        title_translated: { tc: '雨量', sc: '雨量' },
        owner_org: 'hk-td',
        tag_string: 'rain, climate',
        groups: [{ name: 'transport' }],
      }),
      undefined,
      ctx,
    );
    expect(built).toMatchObject({
      name: 'rain',
      title: { en: 'Rainfall', tc: '雨量', sc: '雨量' },
      owner_org: 'org-hk-td',
      tags: ['rain', 'climate'],
      groups: ['transport'],
      revision: 1,
    });
  });

  it('reports every problem at once, per field', () => {
    const refused = thrown(() =>
      buildPackage(
        input({
          name: 'rain',
          owner_org: 'hk-nope',
          license_id: 'mine',
          groups: [{ name: 'nope' }],
          extras: [
            { key: 'a', value: '1' },
            { key: 'a', value: '2' },
          ],
        }),
        undefined,
        ctx,
      ),
    );
    expect(refused).toMatchObject({ status: 409, code: 'validation_failed' });
    expect(Object.keys((refused as { details: object }).details).sort()).toEqual(['extras', 'groups', 'license_id', 'owner_org']);
  });

  it('titles a dataset without an English title by its name, as CKAN does', () => {
    expect(buildPackage(input({ name: 'rain', owner_org: 'hk-td' }), undefined, ctx).title).toEqual({ en: 'rain' });
    expect(buildPackage(input({ name: 'rain', owner_org: 'hk-td', title: '  ' }), undefined, ctx).title).toEqual({ en: 'rain' });
    expect(buildPackage(input({ name: 'rain', owner_org: 'hk-td', title_translated: { tc: '雨量' } }), undefined, ctx).title).toEqual({
      en: 'rain',
      tc: '雨量',
    });
  });

  it('keeps upload details of resources whose url did not change, and the resources when none are given', () => {
    const uploaded = resource('r1', { url_type: 'upload', object_key: 'resources/k', hash: 'h', size: 5 });
    const existing = dataset('rain', { owner_org: 'org-hk-td', resources: [uploaded], revision: 3 });
    const edited = editableInput(existing);
    const update = parseParams(packageUpdateParams, { ...edited, notes: 'New notes' });
    const built = buildPackage({ ...update, name: existing.name }, existing, ctx);
    expect(built).toMatchObject({
      revision: 4,
      notes: { en: 'New notes' },
      resources: [{ id: 'r1', object_key: 'resources/k', url_type: 'upload', hash: 'h' }],
    });
    const { resources: _dropped, ...withoutResources } = update;
    expect(buildPackage({ ...withoutResources, name: existing.name }, existing, ctx)).toMatchObject({ resources: [{ id: 'r1' }] });
  });

  it('round-trips: a stored dataset rebuilt from its editable input is unchanged but for revision', () => {
    const existing = dataset('rain', {
      title: { en: 'Rain', tc: '雨' },
      tags: ['a-tag'],
      groups: ['transport'],
      extras: [{ key: 'k', value: 'v' }],
      resources: [resource('r1')],
      revision: 2,
    });
    const parsed = parseParams(packageUpdateParams, editableInput(existing));
    const rebuilt = buildPackage({ ...parsed, name: existing.name }, existing, ctx);
    expect(rebuilt).toEqual({ ...existing, revision: 3 });
  });
});
