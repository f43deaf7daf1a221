import { storedPackageSchema } from '../../../lambda/open-data/domain/entities';
import { isValidName } from '../../../lambda/open-data/domain/names';
import { seedPackage } from '../../../lambda/open-data/seed';
import { SEED_DATASETS, SEED_GROUPS, SEED_ORGANIZATIONS } from '../../../lambda/open-data/store/seed-data';

const packages = SEED_DATASETS.map((dataset) => seedPackage(dataset, 'https://files.example.gov.hk/open-data'));

describe('seed data', () => {
  it('holds at least 20 datasets from five departments, TD, EPD, HKO, DH and LANDSD, codes as the config writes them', () => {
    expect(SEED_DATASETS.length).toBeGreaterThanOrEqual(20);
    expect(SEED_ORGANIZATIONS.map((org) => org.department).sort()).toEqual(['DH', 'EPD', 'HKO', 'LANDSD', 'TD']);
    for (const org of SEED_ORGANIZATIONS) expect(SEED_DATASETS.some((dataset) => dataset.org === org.name)).toBe(true);
  });

  it('names departments and titles datasets in English and both Chinese scripts', () => {
    const han = /\p{Script=Han}/u;
    for (const org of SEED_ORGANIZATIONS) expect([org.title.tc, org.title.sc].every((text) => han.test(text ?? ''))).toBe(true);
    for (const dataset of SEED_DATASETS) expect([dataset.title.tc, dataset.title.sc].every((text) => han.test(text ?? ''))).toBe(true);
  });

  it('stores only valid datasets, with CKAN names, known groups and CSV and JSON files', () => {
    for (const { pkg } of packages) {
      expect(storedPackageSchema.safeParse(pkg).success).toBe(true);
      expect(isValidName(pkg.name)).toBe(true);
      for (const name of pkg.groups) expect(SEED_GROUPS.map((g) => g.name)).toContain(name);
    }
    const formats = new Set(packages.flatMap(({ pkg }) => pkg.resources.map((resource) => resource.format)));
    expect([...formats]).toEqual(expect.arrayContaining(['CSV', 'JSON']));
  });

  it('includes private and draft datasets, to prove they never leak', () => {
    expect(SEED_DATASETS.filter((dataset) => dataset.private).length).toBeGreaterThanOrEqual(2);
    expect(SEED_DATASETS.filter((dataset) => dataset.state === 'draft').length).toBeGreaterThanOrEqual(1);
  });

  it('gives stored files their digest and size, and keeps every version of a file', () => {
    const rainfall = packages.find(({ pkg }) => pkg.name === 'hk-hko-daily-total-rainfall')!;
    expect(rainfall.versions).toHaveLength(2);
    expect(rainfall.pkg.resources[0]).toMatchObject({
      url_type: 'upload',
      size: Buffer.byteLength(rainfall.versions[1].body),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(new Set(packages.flatMap(({ versions }) => versions.map((v) => v.objectKey))).size).toBe(
      packages.flatMap(({ versions }) => versions).length,
    );
  });

  it('is stable: the same ids every time', () => {
    expect(seedPackage(SEED_DATASETS[0], 'https://x').pkg.id).toBe(packages[0].pkg.id);
  });
});
