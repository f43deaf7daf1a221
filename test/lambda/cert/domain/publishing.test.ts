import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { Advisory } from '../../../../lambda/cert/domain/advisory';
import { renderAtomFeed, xmlText } from '../../../../lambda/cert/domain/atom';
import { buildKevCatalogue, type StoredKevEntry } from '../../../../lambda/cert/domain/kev';
import kevSchema from '../fixtures/kev-schema.json';

const advisory = (overrides: Partial<Advisory> = {}): Advisory => ({
  id: 'A26-05-30',
  level: 'High Threat Security Alert',
  title: 'Zero-day in a file system driver',
  summary: 'Proof-of-concept code is public. Apply the workaround.',
  affectedProducts: ['Windows 11', 'Windows Server 2025'],
  cves: ['CVE-2026-20001'],
  references: [],
  publishedAt: '2026-05-30T09:00:00.000Z',
  history: [],
  ...overrides,
});

const feed = {
  feedId: 'tag:cert.gov.hk,2026:advisories',
  title: 'Government CERT security alerts',
  selfUrl: 'https://api.example.gov.hk/cert/advisories?format=atom',
  advisoryUrl: (id: string) => `https://api.example.gov.hk/cert/advisories/${id}`,
  author: 'Government CERT',
  emptyUpdated: new Date('2026-01-01T00:00:00Z'),
};

/** Undoes xmlText's escaping. */
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe('Atom feed of advisories', () => {
  it('has the feed and entry elements RFC 4287 requires', () => {
    const xml = renderAtomFeed(
      [advisory(), advisory({ id: 'A26-05-29', level: 'Security Alert', publishedAt: '2026-05-29T09:00:00.000Z' })],
      feed,
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain('<id>tag:cert.gov.hk,2026:advisories</id>');
    expect(xml).toContain('<updated>2026-05-30T09:00:00.000Z</updated>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://api.example.gov.hk/cert/advisories?format=atom"/>');
    expect(xml).toContain('<author><name>Government CERT</name></author>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain('<title>High Threat Security Alert (A26-05-30): Zero-day in a file system driver</title>');
    expect(xml).toContain('<category term="Security Alert"/>');
    expect(xml).toContain('<link rel="alternate" href="https://api.example.gov.hk/cert/advisories/A26-05-30"/>');
    expect(xml.trimEnd().endsWith('</feed>')).toBe(true);
  });

  it('is updated when its newest advisory was, or at the given time when empty', () => {
    expect(renderAtomFeed([], feed)).toContain('<updated>2026-01-01T00:00:00.000Z</updated>');
    expect(renderAtomFeed([], feed)).not.toContain('<entry>');
  });

  it('carries any text safely: no markup escapes, nothing XML cannot hold, and the text comes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), (title, summary) => {
        const xml = renderAtomFeed([advisory({ title, summary })], feed);
        expect(xml.match(/<entry>/g)).toHaveLength(1);
        const shown = /<summary type="text">([^<]*)<\/summary>/.exec(xml);
        expect(shown).not.toBeNull();
        // biome-ignore lint/suspicious/noControlCharactersInRegex: checking none of them reach the feed
        expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        const safe = Array.from(summary)
          .filter((c) => xmlText(c) !== '' || c === '')
          .join('');
        expect(unescapeXml(shown![1])).toBe(safe);
      }),
    );
  });
});

describe('known-exploited-vulnerabilities catalogue', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(kevSchema);
  const entry = (cveID: string, addedAt: string): StoredKevEntry => ({
    cveID,
    vendorProject: 'Example',
    product: 'VPN Gateway',
    vulnerabilityName: 'Example VPN Gateway Remote Code Execution Vulnerability',
    dateAdded: addedAt.slice(0, 10),
    shortDescription: 'Unauthenticated remote code execution.',
    requiredAction: 'Apply the vendor fix.',
    dueDate: '2026-06-20',
    knownRansomwareCampaignUse: 'Unknown',
    notes: '',
    cwes: ['CWE-787'],
    addedAt,
    history: [{ at: addedAt, actor: { kind: 'analyst' }, action: 'add-kev' }],
  });

  it('is valid against CISA’s KEV JSON schema, empty or not', () => {
    const full = buildKevCatalogue(
      [entry('CVE-2026-10001', '2026-05-30T01:00:00.000Z'), entry('CVE-2025-123456', '2026-05-31T01:00:00.000Z')],
      new Date(),
    );
    expect(validate(full)).toBe(true);
    expect(validate.errors).toBeNull();
    expect(validate(buildKevCatalogue([], new Date('2026-01-01T00:00:00Z')))).toBe(true);
  });

  it('lists newest first, counts them and dates itself by its newest entry', () => {
    const catalogue = buildKevCatalogue(
      [entry('CVE-2026-10001', '2026-05-30T01:00:00.000Z'), entry('CVE-2026-10002', '2026-05-31T01:00:00.000Z')],
      new Date(),
    );
    expect(catalogue).toMatchObject({ count: 2, catalogVersion: '2026.05.31', dateReleased: '2026-05-31T01:00:00.000Z' });
    expect(catalogue.vulnerabilities.map((v) => v.cveID)).toEqual(['CVE-2026-10002', 'CVE-2026-10001']);
  });

  it('publishes no internal fields', () => {
    const [published] = buildKevCatalogue([entry('CVE-2026-10001', '2026-05-30T01:00:00.000Z')], new Date()).vulnerabilities;
    expect(published).not.toHaveProperty('history');
    expect(published).not.toHaveProperty('addedAt');
  });

  it('the schema catches what is wrong, so passing means something', () => {
    const bad = buildKevCatalogue([{ ...entry('CVE-2026-1', '2026-05-30T01:00:00.000Z'), dueDate: '30/06/2026' }], new Date());
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual(['/vulnerabilities/0/cveID', '/vulnerabilities/0/dueDate']);
    expect(validate({ catalogVersion: '1', count: 0, vulnerabilities: [] })).toBe(false);
  });
});
