import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { OCDS_SCHEMAS, recordPackageSchema, releasePackageSchema } from '../../lambda/procurement/domain/ocds-schema';
import { call, useLocalPlatform } from '../helpers/local-platform';

/** The demo flow of the procurement service over HTTP, with the tokens and keys local mode prints. */
describe('procurement API over HTTP in local mode', () => {
  const platform = useLocalPlatform(['procurement']);
  const department = 'DPO';
  const officer = () => ({ token: platform.current.tokens.officers[department], apiKey: platform.current.apiKeys[department] });
  const secondOfficer = () => ({
    token: platform.current.credentials[`PROCUREMENT_SECOND_OFFICER_TOKEN_${department}`],
    apiKey: platform.current.apiKeys[department],
  });
  const supplier = (n: 1 | 2) => ({ token: platform.current.credentials[`PROCUREMENT_SUPPLIER_TOKEN_${n}`] });
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const schema of OCDS_SCHEMAS) ajv.addSchema(schema);

  async function seeded() {
    const list = await call(platform.current, 'GET', '/procurement/v1/tenders?limit=100');
    expect(list.status).toBe(200);
    const tenders = list.json.tenders as { id: string; state: string; closed: boolean; title: { en: string } }[];
    return {
      open: tenders.find((t) => t.state === 'active' && !t.closed),
      closed: tenders.find((t) => t.state === 'active' && t.closed),
      opened: tenders.find((t) => t.state === 'opened'),
      awarded: tenders.find((t) => t.state === 'awarded'),
    };
  }

  it('serves the seeded tenders: one open, one closed with bids, one opened, one awarded', async () => {
    const { open, closed, opened, awarded } = await seeded();
    expect([open, closed, opened, awarded].every(Boolean)).toBe(true);
    expect((await call(platform.current, 'GET', `/procurement/v1/tenders/${open?.id}`)).json.title.zh).toBe('供應桌上電腦');
  });

  it('lets a supplier submit, withdraw and resubmit before the deadline, the receipt carrying the SHA-256', async () => {
    const { open } = await seeded();
    const path = `/procurement/v1/tenders/${open?.id}/bid`;
    const body = { price: { amount: 1_700_000, currency: 'HKD' }, proposal: 'Two hundred desktop computers, three years on site.' };
    const first = await call(platform.current, 'PUT', path, { ...supplier(2), body });
    expect([first.status, first.json.state, first.json.submission]).toEqual([201, 'submitted', 1]);
    expect(first.json.sha256).toMatch(/^[0-9a-f]{64}$/);
    const withdrawn = await call(platform.current, 'DELETE', path, supplier(2));
    expect([withdrawn.status, withdrawn.json.state]).toEqual([200, 'withdrawn']);
    const again = await call(platform.current, 'PUT', path, {
      ...supplier(2),
      body: { ...body, price: { amount: 1_650_000, currency: 'HKD' } },
    });
    expect([again.status, again.json.submission]).toEqual([200, 2]);
    expect((await call(platform.current, 'GET', path, supplier(2))).json.sha256).toBe(again.json.sha256);
  });

  it('refuses a bid on the closed tender with 409, and a basic sign-in with the step-up challenge', async () => {
    const { closed } = await seeded();
    const body = { price: { amount: 1, currency: 'HKD' }, proposal: 'Late' };
    const late = await call(platform.current, 'PUT', `/procurement/v1/tenders/${closed?.id}/bid`, { ...supplier(1), body });
    expect([late.status, late.json.error.code]).toEqual([409, 'tender_closed']);
    const basic = await call(platform.current, 'PUT', `/procurement/v1/tenders/${closed?.id}/bid`, {
      token: platform.current.tokens.citizen,
      body,
    });
    expect(basic.status).toBe(401);
  });

  it('opens the closed tender only with two officers, the hashes matching the receipts', async () => {
    const { closed } = await seeded();
    const path = `/procurement/v1/tenders/${closed?.id}/opening`;
    const receipt = await call(platform.current, 'GET', `/procurement/v1/tenders/${closed?.id}/bid`, supplier(1));
    expect((await call(platform.current, 'GET', `/procurement/v1/tenders/${closed?.id}/bids`, officer())).status).toBe(409);
    const asked = await call(platform.current, 'POST', path, officer());
    expect([asked.status, asked.json.state]).toEqual([202, 'awaiting-confirmation']);
    const alone = await call(platform.current, 'POST', path, officer());
    expect([alone.status, alone.json.error.code]).toEqual([409, 'second_officer_required']);
    const opened = await call(platform.current, 'POST', path, secondOfficer());
    expect([opened.status, opened.json.state]).toEqual([200, 'opened']);
    expect(opened.json.bids.map((b: { sha256: string }) => b.sha256)).toContain(receipt.json.sha256);
    const bids = await call(platform.current, 'GET', `/procurement/v1/tenders/${closed?.id}/bids`, officer());
    expect([bids.status, bids.json.bids.length]).toEqual([200, 2]);
    const audit = await call(platform.current, 'GET', `/procurement/v1/tenders/${closed?.id}/audit?limit=100`, officer());
    expect(audit.json.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['tender.create', 'tender.publish', 'bid.submit', 'opening.request', 'opening.confirm', 'bid.decrypt']),
    );
  });

  it('serves OCDS release and record packages that validate against the 1.1.5 schemas', async () => {
    const releases = await call(platform.current, 'GET', '/procurement/ocds/releases?limit=100');
    expect(releases.status).toBe(200);
    expect(ajv.validate(releasePackageSchema.$id, releases.json) || ajv.errors).toBe(true);
    const ocid = releases.json.releases[0].ocid;
    const record = await call(platform.current, 'GET', `/procurement/ocds/records/${ocid}`);
    expect(record.status).toBe(200);
    expect(ajv.validate(recordPackageSchema.$id, record.json) || ajv.errors).toBe(true);
    expect(record.json.records[0].compiledRelease.tag).toEqual(['compiled']);
    const { awarded } = await seeded();
    const ocidOf = (tenderId: string) => releases.json.releases.find((r: { tender?: { id: string } }) => r.tender?.id === tenderId)?.ocid;
    const awardedRecord = await call(platform.current, 'GET', `/procurement/ocds/records/${ocidOf(awarded?.id as string)}`);
    expect(ajv.validate(recordPackageSchema.$id, awardedRecord.json) || ajv.errors).toBe(true);
    const [rec] = awardedRecord.json.records;
    expect(rec.releases.map((r: { tag: string[] }) => r.tag)).toEqual([
      ['planning', 'tender'],
      ['tenderUpdate'],
      ['award'],
      ['contract'],
      ['implementation'],
    ]);
    expect(rec.compiledRelease.awards[0]).toMatchObject({ status: 'active', value: { amount: 1_200_000, currency: 'HKD' } });
    expect(rec.compiledRelease.contracts[0]).toMatchObject({ status: 'active', awardID: rec.compiledRelease.awards[0].id });
    expect(rec.compiledRelease.parties.map((p: { roles: string[] }) => p.roles)).toEqual([
      ['buyer', 'procuringEntity'],
      ['supplier', 'tenderer'],
    ]);
    expect(JSON.stringify(awardedRecord.json)).not.toMatch(/technical-merit|1350000/);
  });

  it('answers bad input with a 4xx in the platform’s error shape', async () => {
    const bad = await call(platform.current, 'POST', '/procurement/v1/department/tenders', { ...officer(), body: { title: 'x' } });
    expect([bad.status, typeof bad.json.error.code]).toEqual([400, 'string']);
    expect((await call(platform.current, 'GET', '/procurement/ocds/records/ocds-hkegov-T-2026-00000000')).status).toBe(404);
  });
});
