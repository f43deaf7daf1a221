import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { CatalogExportInput } from '../../../../lambda/open-data/domain/catalog-export';
import { catalogJsonLd, DCAT_AP_CONTEXT } from '../../../../lambda/open-data/domain/dcat-ap';
import { dataJson } from '../../../../lambda/open-data/domain/dcat-us';
import { seedPackage } from '../../../../lambda/open-data/seed';
import { SEED_DATASETS, SEED_GROUPS, SEED_ORGANIZATIONS } from '../../../../lambda/open-data/store/seed-data';
import schema from '../fixtures/dcat-us-1.1.schema.json';

const packages = SEED_DATASETS.map((dataset) => seedPackage(dataset, 'https://files.example.gov.hk/open-data').pkg);
const input: CatalogExportInput = {
  site: {
    url: 'https://data.example.gov.hk/open-data',
    title: { en: 'Open Data Portal', tc: '資料一線通', sc: '资料一线通' },
    description: { en: 'Open data of the government.', tc: '政府開放數據。' },
    publisher: { en: 'Digital Policy Office', tc: '數字政策辦公室' },
    email: 'opendata@example.gov.hk',
  },
  packages,
  organization: (id) => SEED_ORGANIZATIONS.find((org) => org.id === id),
  group: (name) => SEED_GROUPS.find((group) => group.name === name),
};
const publishedNames = packages.filter((pkg) => pkg.state === 'active' && !pkg.private).map((pkg) => pkg.id);

describe('DCAT-US 1.1 data.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const catalog = dataJson(input);

  it('validates against the DCAT-US 1.1 schema', () => {
    const valid = validate(catalog);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected by the schema when a required field is missing (the check can fail)', () => {
    const broken = structuredClone(catalog) as { dataset: Array<Record<string, unknown>> };
    delete broken.dataset[0].keyword;
    expect(validate(broken)).toBe(false);
  });

  it('lists exactly the published datasets', () => {
    expect(catalog.dataset.map((d) => d.identifier).sort()).toEqual([...publishedNames].sort());
  });

  it('gives stored files as downloads with their media type', () => {
    const withFile = catalog.dataset.find((d) => d.title === 'Daily Total Rainfall');
    expect(withFile?.distribution[0]).toMatchObject({ '@type': 'dcat:Distribution', mediaType: 'text/csv', format: 'CSV' });
  });
});

describe('DCAT-AP 3 catalog.jsonld', () => {
  const catalog = catalogJsonLd(input);

  it('has what DCAT-AP 3 makes mandatory: catalogue title, description, publisher; dataset title and description; distribution accessURL', () => {
    expect(catalog['dct:title'].length).toBeGreaterThan(0);
    expect(catalog['dct:description'].length).toBeGreaterThan(0);
    expect(catalog['dct:publisher']['foaf:name'].length).toBeGreaterThan(0);
    for (const dataset of catalog['dcat:dataset']) {
      expect(dataset['dct:title'].length).toBeGreaterThan(0);
      expect(dataset['dct:description'].length).toBeGreaterThan(0);
      for (const distribution of dataset['dcat:distribution']) expect(distribution['dcat:accessURL']['@id']).toMatch(/^https?:\/\//);
    }
  });

  it('tags titles with their language: en, zh-Hant, zh-Hans', () => {
    const rainfall = catalog['dcat:dataset'].find(
      (d) => d['dct:identifier'] === packages.find((p) => p.name === 'hk-hko-daily-total-rainfall')?.id,
    );
    expect(rainfall?.['dct:title']).toEqual([
      { '@value': 'Daily Total Rainfall', '@language': 'en' },
      { '@value': '每日總雨量', '@language': 'zh-Hant' },
      { '@value': '每日总雨量', '@language': 'zh-Hans' },
    ]);
  });

  it('leaves out unpublished datasets', () => {
    expect(catalog['dcat:dataset'].map((d) => d['dct:identifier']).sort()).toEqual([...publishedNames].sort());
  });

  it('declares every prefix it uses in its @context', () => {
    const prefixes = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          if (!key.startsWith('@')) prefixes.add(key.split(':')[0]);
          if (key === '@type' && typeof inner === 'string') prefixes.add(inner.split(':')[0]);
          walk(inner);
        }
    };
    walk(catalog['dcat:dataset']);
    walk({ ...catalog, '@context': undefined });
    expect([...prefixes].filter((prefix) => !(prefix in DCAT_AP_CONTEXT))).toEqual([]);
  });
});
