import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import * as z from 'zod';
import {
  addKnownExploitedSchema,
  listIncidentsQuerySchema,
  publishAdvisorySchema,
  reportIncidentSchema,
  triagePatchSchema,
} from '../../../../lambda/cert/domain/schemas';

const report = { title: 'Phishing wave', description: 'Staff received look-alike sign-in pages.', severity: 'high', category: 'phishing' };

describe('request schemas', () => {
  it('accepts a report and fills its defaults', () => {
    expect(reportIncidentSchema.parse(report)).toEqual({ ...report, affectedSystems: [] });
  });

  it('refuses an unknown severity, saying which are allowed', () => {
    const result = reportIncidentSchema.safeParse({ ...report, severity: 'severe' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['severity'], message: 'use one of: low, medium, high, critical' });
  });

  it('refuses unknown fields and empty titles', () => {
    expect(reportIncidentSchema.safeParse({ ...report, priority: 1 }).error?.issues[0].code).toBe('unrecognized_keys');
    expect(reportIncidentSchema.safeParse({ ...report, title: '   ' }).success).toBe(false);
  });

  it('stores moments in UTC whatever offset they were written with', () => {
    expect(reportIncidentSchema.parse({ ...report, occurredAt: '2026-05-30T09:00:00+08:00' }).occurredAt).toBe('2026-05-30T01:00:00.000Z');
  });

  it('reads list filters from query strings, capping the page size', () => {
    expect(listIncidentsQuerySchema.parse({ status: 'new', limit: '10' })).toEqual({ status: 'new', limit: 10 });
    expect(listIncidentsQuerySchema.parse({}).limit).toBe(25);
    expect(listIncidentsQuerySchema.safeParse({ limit: '1000' }).success).toBe(false);
    expect(listIncidentsQuerySchema.safeParse({ status: 'open' }).success).toBe(false);
    expect(listIncidentsQuerySchema.safeParse({ department: 'dpo' }).success).toBe(false);
  });

  it('wants at least one change in a triage patch', () => {
    expect(triagePatchSchema.safeParse({}).success).toBe(false);
    expect(triagePatchSchema.parse({ status: 'triaged' })).toEqual({ status: 'triaged' });
    expect(triagePatchSchema.parse({ assignee: null })).toEqual({ assignee: null });
    expect(triagePatchSchema.safeParse({ status: 'reopened' }).success).toBe(false);
  });

  it('accepts the two advisory levels only, and HTTPS references', () => {
    const advisory = { level: 'Security Alert', title: 'Browser fixes', summary: 'Update now.', affectedProducts: ['Browser 1.0'] };
    expect(publishAdvisorySchema.parse(advisory)).toMatchObject({ cves: [], references: [] });
    expect(publishAdvisorySchema.safeParse({ ...advisory, level: 'Critical Alert' }).success).toBe(false);
    expect(publishAdvisorySchema.safeParse({ ...advisory, references: ['http://example.com'] }).success).toBe(false);
    expect(publishAdvisorySchema.safeParse({ ...advisory, affectedProducts: [] }).success).toBe(false);
  });

  it('checks CVE and CWE ids of catalogue entries', () => {
    const entry = {
      cveID: 'CVE-2026-12345',
      vendorProject: 'Example',
      product: 'Gateway',
      vulnerabilityName: 'Example flaw',
      shortDescription: 'Bad.',
      requiredAction: 'Patch.',
      dueDate: '2026-06-20',
    };
    expect(addKnownExploitedSchema.parse(entry)).toMatchObject({ knownRansomwareCampaignUse: 'Unknown', notes: '', cwes: [] });
    expect(addKnownExploitedSchema.safeParse({ ...entry, cveID: 'CVE-26-1' }).success).toBe(false);
    expect(addKnownExploitedSchema.safeParse({ ...entry, cwes: ['79'] }).success).toBe(false);
  });

  it('declares texts as they are checked: the JSON Schema of a field accepts exactly what the field does', () => {
    const ajv = new Ajv2020();
    const fields = [reportIncidentSchema.shape.title, triagePatchSchema.shape.assignee.unwrap().unwrap()];
    // Mostly whitespace of every kind trim knows (and some it does not), around a few letters.
    const texts = fc.string({
      unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0085', '\u001c', 'a', '中'),
      maxLength: 130,
    });
    for (const field of fields) {
      const validate = ajv.compile(z.toJSONSchema(field, { io: 'input' }));
      fc.assert(fc.property(texts, (text) => expect(validate(text)).toBe(field.safeParse(text).success)));
    }
    expect(reportIncidentSchema.shape.title.safeParse(' \u3000 ').success).toBe(false);
    expect(reportIncidentSchema.shape.title.parse('  Phishing  ')).toBe('Phishing');
  });

  it('declares references as they are checked: an https URL by its pattern, which the JSON Schema states', () => {
    const reference = publishAdvisorySchema.shape.references.unwrap().element;
    const validate = addFormats(new Ajv2020()).compile(z.toJSONSchema(reference, { io: 'input' }));
    const candidates = fc.oneof(
      fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true, withFragments: true }),
      fc.string().map((s) => `https://${s}`),
    );
    fc.assert(fc.property(candidates, (url) => expect(validate(url)).toBe(reference.safeParse(url).success)));
    expect(reference.safeParse('https://www.govcert.gov.hk/en/alerts_detail.php?id=1#top').success).toBe(true);
    expect(reference.safeParse('http://www.govcert.gov.hk/').success).toBe(false);
  });
});
