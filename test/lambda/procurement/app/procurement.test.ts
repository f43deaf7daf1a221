import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { awardTender } from '../../../../lambda/procurement/app/award';
import { myBid, submitBid, withdrawBid } from '../../../../lambda/procurement/app/bids';
import { answerQuestion, askQuestion, listClarifications } from '../../../../lambda/procurement/app/clarifications';
import { amendContract, recordImplementation, terminateContract } from '../../../../lambda/procurement/app/contract';
import { recordPackage, releasePackage } from '../../../../lambda/procurement/app/ocds';
import { getOpening, openedBids, openTender } from '../../../../lambda/procurement/app/opening';
import { registerSupplier } from '../../../../lambda/procurement/app/suppliers';
import { amendTender, createTender, publishTender } from '../../../../lambda/procurement/app/tenders';
import { dynamoPorts } from '../../../../lambda/procurement/compose';
import type { Officer } from '../../../../lambda/procurement/domain/caller';
import { OCDS_SCHEMAS } from '../../../../lambda/procurement/domain/ocds-schema';
import type { CreateTenderInput, SubmitBidInput } from '../../../../lambda/procurement/domain/schemas';
import type { ProcurementPorts } from '../../../../lambda/procurement/ports';
import { seedProcurement } from '../../../../lambda/procurement/seed';
import { storage } from '../../../../lambda/procurement/storage';
import type { LocalBidKeys } from '../../../../lambda/procurement/store/bid-keys';
import { useEmbeddedStorage } from '../../../helpers/embedded-storage';
import { refusal } from '../../../helpers/refusal';

const DAY = 24 * 3600 * 1000;
const START = new Date('2026-03-02T01:00:00.000Z');
const context = { requestId: 'req-1', sourceIp: '10.0.0.1' };
const first: Officer = { department: 'TD', subject: 'officer-td' };
const second: Officer = { department: 'TD', subject: 'officer-td-2' };
const stranger: Officer = { department: 'DPO', subject: 'officer-dpo' };

/** The HTTP error a call rejects with, or fails the test. */
async function tableItems(): Promise<string[]> {
  const client = new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  const { Items } = await client.send(new ScanCommand({ TableName: process.env.TABLE_PROCUREMENT }));
  return (Items ?? []).map((i) => JSON.stringify(i)).sort();
}

const tenderInput = (closesAt: Date, amount = 2_000_000): CreateTenderInput => ({
  title: { en: 'Supply of laptops', zh: '供應手提電腦' },
  description: { en: 'Laptops for the licensing offices', zh: '牌照事務處用手提電腦' },
  items: [{ id: '1', description: 'Laptop', classification: { scheme: 'CPV', id: '30213100-6' }, quantity: 50 }],
  value: { amount, currency: 'HKD' },
  procurementMethod: 'open',
  submissionMethod: ['electronicSubmission'],
  documents: [],
  tenderPeriod: { endDate: closesAt.toISOString() },
});
const bid = (amount: number): SubmitBidInput => ({ price: { amount, currency: 'HKD' }, proposal: `Fifty laptops for HK$${amount}` });

describe('procurement use cases over embedded storage', () => {
  useEmbeddedStorage('procurement', storage);
  let now = START;
  let ports: ProcurementPorts;
  let supplierA: string;
  let supplierB: string;

  beforeAll(async () => {
    ports = dynamoPorts({ clock: () => now });
    supplierA = (
      await registerSupplier(
        ports,
        { subject: 'citizen-a' },
        {
          businessRegistrationNumber: '41234567',
          name: { en: 'A Limited' },
          contact: { name: 'A', email: 'a@example.hk', telephone: '+852 2000 0001' },
          categories: [{ scheme: 'CPV', id: '30213100-6' }],
        },
        context,
      )
    ).id;
    supplierB = (
      await registerSupplier(
        ports,
        { subject: 'citizen-b' },
        {
          businessRegistrationNumber: '42345678-000-06-25-A',
          name: { en: 'B Limited', zh: '乙有限公司' },
          contact: { name: 'B', email: 'b@example.hk', telephone: '+852 2000 0002' },
          categories: [{ scheme: 'UNSPSC', id: '43211503' }],
        },
        context,
      )
    ).id;
  });

  /** A tender published at START, closing `days` later. */
  async function published(days = 41, amount = 2_000_000) {
    now = START;
    const draft = await createTender(ports, first, tenderInput(new Date(START.getTime() + days * DAY), amount), context);
    return publishTender(ports, first, draft.id, context);
  }

  describe('suppliers', () => {
    it('registers a business registration number once, and a citizen as officer of one supplier', async () => {
      const before = await tableItems();
      const again = {
        businessRegistrationNumber: '41234567',
        name: { en: 'A again' },
        contact: { name: 'x', email: 'x@example.hk', telephone: '+852 2000 0003' },
        categories: [{ scheme: 'CPV' as const, id: '30213100-6' }],
      };
      expect((await refusal(registerSupplier(ports, { subject: 'citizen-c' }, again, context))).status).toBe(409);
      expect(
        (await refusal(registerSupplier(ports, { subject: 'citizen-a' }, { ...again, businessRegistrationNumber: '49999999' }, context)))
          .status,
      ).toBe(409);
      expect(
        (await refusal(registerSupplier(ports, { subject: 'citizen-c' }, { ...again, businessRegistrationNumber: '00000000' }, context)))
          .code,
      ).toBe('invalid_business_registration_number');
      expect(await tableItems()).toEqual(before);
    });
  });

  describe('drafting', () => {
    it('answers a retry with the same Idempotency-Key with the same draft, and refuses the key for another', async () => {
      now = START;
      const input = tenderInput(new Date(START.getTime() + 41 * DAY));
      const keyed = { ...context, idempotencyKey: 'draft-laptops-0001' };
      const first_ = await createTender(ports, first, input, keyed);
      const again = await createTender(ports, first, input, keyed);
      expect([again.id, first_.replayed, again.replayed]).toEqual([first_.id, false, true]);
      const before = await tableItems();
      const other = await refusal(createTender(ports, first, { ...input, title: { en: 'Other', zh: '其他' } }, keyed));
      expect([other.status, other.code]).toEqual([422, 'idempotency_mismatch']);
      // Another department's same key is its own.
      expect((await createTender(ports, stranger, input, keyed)).id).not.toBe(first_.id);
      expect((await tableItems()).length).toBeGreaterThan(before.length);
    });

    it('refuses two items with one id with 422, storing nothing', async () => {
      now = START;
      const input = tenderInput(new Date(START.getTime() + 41 * DAY));
      const before = await tableItems();
      const refused = await refusal(createTender(ports, first, { ...input, items: [input.items[0], input.items[0]] }, context));
      expect([refused.status, refused.code]).toEqual([422, 'duplicate_id']);
      expect(await tableItems()).toEqual(before);
    });
  });

  describe('publishing', () => {
    it('refuses a covered tender shorter than 40 days, storing nothing, and publishes one of 40 with its OCDS release', async () => {
      now = START;
      const draft = await createTender(ports, first, tenderInput(new Date(START.getTime() + 39 * DAY)), context);
      const before = await tableItems();
      const short = await refusal(publishTender(ports, first, draft.id, context));
      expect([short.status, short.code]).toEqual([422, 'tendering_period_too_short']);
      expect(short.details).toMatchObject({ minimumDays: 40, days: 39, covered: true });
      expect(await tableItems()).toEqual(before);

      const ok = await published(40);
      expect([ok.state, ok.tenderPeriod.startDate]).toEqual(['active', START.toISOString()]);
      const record = await recordPackage(ports, ok.ocid, 'https://example.gov.hk/procurement/ocds/records/x');
      const [{ releases }] = record.records as { releases: { tag: string[] }[] }[];
      expect(releases.map((r) => r.tag)).toEqual([['tender']]);
    });

    it('refuses another department’s officer', async () => {
      now = START;
      const draft = await createTender(ports, first, tenderInput(new Date(START.getTime() + 41 * DAY)), context);
      expect((await refusal(publishTender(ports, stranger, draft.id, context))).status).toBe(404);
    });
  });

  describe('sealed bids', () => {
    it('returns a receipt with the bid’s SHA-256 at once, and stores no readable content', async () => {
      const tender = await published();
      now = new Date(START.getTime() + DAY);
      const { receipt, created } = await submitBid(ports, { subject: 'citizen-a' }, tender.id, bid(900_000), context);
      expect(created).toBe(true);
      expect(receipt).toMatchObject({ supplierId: supplierA, state: 'submitted', submission: 1, receivedAt: now.toISOString() });
      expect(receipt.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect((await tableItems()).join('\n')).not.toContain('Fifty laptops');
    });

    it('refuses a bid received at or after closing with 409, storing nothing, even when the supplier began before', async () => {
      const tender = await published();
      const closing = Date.parse(tender.tenderPeriod.endDate);
      // The client read the tender and prepared its bid a second before closing; the request arrives at closing.
      now = new Date(closing - 1000);
      expect((await refusal(myBid(ports, { subject: 'citizen-b' }, tender.id))).status).toBe(404);
      const before = await tableItems();
      for (const late of [closing, closing + 1]) {
        now = new Date(late);
        const refused = await refusal(submitBid(ports, { subject: 'citizen-b' }, tender.id, bid(800_000), context));
        expect([refused.status, refused.code]).toEqual([409, 'tender_closed']);
      }
      expect(await tableItems()).toEqual(before);
    });

    it('lets a supplier withdraw and resubmit before closing, never after', async () => {
      const tender = await published();
      now = new Date(START.getTime() + DAY);
      await submitBid(ports, { subject: 'citizen-a' }, tender.id, bid(900_000), context);
      const withdrawn = await withdrawBid(ports, { subject: 'citizen-a' }, tender.id, context);
      expect(withdrawn.state).toBe('withdrawn');
      expect((await refusal(withdrawBid(ports, { subject: 'citizen-a' }, tender.id, context))).code).toBe('bid_withdrawn');
      const again = await submitBid(ports, { subject: 'citizen-a' }, tender.id, bid(850_000), context);
      expect([again.created, again.receipt.submission, again.receipt.state]).toEqual([false, 2, 'submitted']);
      now = new Date(Date.parse(tender.tenderPeriod.endDate));
      expect((await refusal(withdrawBid(ports, { subject: 'citizen-a' }, tender.id, context))).code).toBe('tender_closed');
    });

    it('refuses a citizen who is no supplier’s officer', async () => {
      const tender = await published();
      now = new Date(START.getTime() + DAY);
      expect((await refusal(submitBid(ports, { subject: 'nobody' }, tender.id, bid(1), context))).status).toBe(403);
    });
  });

  describe('the key', () => {
    it('refuses to decrypt before the closing time, and an amendment moves that time later', async () => {
      const tender = await published();
      const keys = ports.keys as LocalBidKeys;
      const stored = await ports.tenders.get(tender.id);
      const keyRef = stored?.bidKey as string;
      const dataKey = await keys.generateDataKey(keyRef, { tender: tender.id, supplier: supplierA });
      const closing = Date.parse(tender.tenderPeriod.endDate);
      now = new Date(closing - 1);
      await expect(keys.decrypt(keyRef, dataKey.encrypted, { tender: tender.id, supplier: supplierA })).rejects.toThrow(
        /refuses to decrypt/,
      );

      now = new Date(START.getTime() + DAY);
      const later = new Date(closing + 5 * DAY).toISOString();
      const amended = await amendTender(
        ports,
        first,
        tender.id,
        { tenderPeriod: { endDate: later }, rationale: 'More time for a revised specification' },
        context,
      );
      expect(amended.tenderPeriod.endDate).toBe(later);
      expect(await keys.notBefore(keyRef)).toBe(later);
      now = new Date(closing + DAY);
      await expect(keys.decrypt(keyRef, dataKey.encrypted, { tender: tender.id, supplier: supplierA })).rejects.toThrow(
        /refuses to decrypt/,
      );
      // An amendment never shortens the period.
      const shorter = await refusal(
        amendTender(ports, first, tender.id, { tenderPeriod: { endDate: new Date(closing).toISOString() }, rationale: 'Shorter' }, context),
      );
      expect(shorter.code).toBe('amendment_refused');
      now = new Date(Date.parse(later));
      expect(Buffer.from(await keys.decrypt(keyRef, dataKey.encrypted, { tender: tender.id, supplier: supplierA }))).toEqual(
        Buffer.from(dataKey.plaintext),
      );
    });
  });

  describe('opening', () => {
    it('refuses to open before closing, refuses a single officer, and opens with a second within the window', async () => {
      const tender = await published();
      now = new Date(START.getTime() + DAY);
      const a = await submitBid(ports, { subject: 'citizen-a' }, tender.id, bid(900_000), context);
      const b = await submitBid(ports, { subject: 'citizen-b' }, tender.id, bid(950_000), context);
      const closing = Date.parse(tender.tenderPeriod.endDate);

      now = new Date(closing - 1);
      expect(await getOpening(ports, first, tender.id)).toEqual({
        state: 'sealed',
        tenderId: tender.id,
        closesAt: tender.tenderPeriod.endDate,
      });
      expect((await refusal(openTender(ports, first, tender.id, context))).code).toBe('tender_not_closed');
      expect((await refusal(openedBids(ports, first, tender.id, context))).code).toBe('not_opened');

      now = new Date(closing + 60_000);
      const asked = await openTender(ports, first, tender.id, context);
      expect(asked.state).toBe('awaiting-confirmation');
      expect((await refusal(openTender(ports, first, tender.id, context))).code).toBe('second_officer_required');
      expect((await refusal(openedBids(ports, first, tender.id, context))).code).toBe('not_opened');
      expect((await refusal(openTender(ports, stranger, tender.id, context))).status).toBe(404);

      const opened = await openTender(ports, second, tender.id, context);
      expect(opened).toMatchObject({
        state: 'opened',
        requestedBy: first.subject,
        confirmedBy: second.subject,
        openedAt: now.toISOString(),
      });
      const hashes = Object.fromEntries((opened.state === 'opened' ? opened.bids : []).map((x) => [x.supplierId, x.sha256]));
      expect(hashes).toEqual({ [supplierA]: a.receipt.sha256, [supplierB]: b.receipt.sha256 });
      expect((await getOpening(ports, first, tender.id)).state).toBe('opened');
      const contents = await openedBids(ports, first, tender.id, context);
      expect(contents.map((c) => c.content.price.amount).sort()).toEqual([900_000, 950_000]);
      expect((await refusal(openTender(ports, first, tender.id, context))).code).toBe('already_opened');

      // Evaluation and award: every opened bid scored on every criterion, weights adding to 100.
      const period = { startDate: new Date(closing + 10 * DAY).toISOString(), endDate: new Date(closing + 375 * DAY).toISOString() };
      const scores = [
        { supplierId: supplierA, criterion: 'price', score: 90, weight: 70 },
        { supplierId: supplierA, criterion: 'quality', score: 60, weight: 30 },
        { supplierId: supplierB, criterion: 'price', score: 80, weight: 70 },
        { supplierId: supplierB, criterion: 'quality', score: 95, weight: 30 },
      ];
      const award = { scores, supplierId: supplierB, value: { amount: 950_000, currency: 'HKD' as const }, contractPeriod: period };
      const before = await tableItems();
      const missing = await refusal(awardTender(ports, first, tender.id, { ...award, scores: scores.slice(0, 3) }, context));
      expect([missing.status, missing.code]).toEqual([422, 'invalid_evaluation']);
      const weights = await refusal(
        awardTender(ports, first, tender.id, { ...award, scores: scores.map((x) => ({ ...x, weight: 60 })) }, context),
      );
      expect(weights.message).toMatch(/add to 100/);
      expect(await tableItems()).toEqual(before);
      const result = await awardTender(ports, first, tender.id, award, context);
      expect(result.ranking).toEqual([
        { supplierId: supplierB, total: 84.5 },
        { supplierId: supplierA, total: 81 },
      ]);
      expect(result.award).toMatchObject({
        supplier: { id: supplierB, partyId: 'HK-BRN-42345678', name: 'B Limited' },
        contract: { period },
      });
      expect((await refusal(awardTender(ports, first, tender.id, award, context))).code).toBe('already_awarded');
    });

    it('refuses to award a tender not yet opened', async () => {
      const tender = await published();
      now = new Date(Date.parse(tender.tenderPeriod.endDate) + DAY);
      const period = { startDate: now.toISOString(), endDate: new Date(now.getTime() + DAY).toISOString() };
      const award = {
        scores: [{ supplierId: supplierA, criterion: 'price', score: 1, weight: 100 }],
        supplierId: supplierA,
        value: { amount: 1, currency: 'HKD' as const },
        contractPeriod: period,
      };
      expect((await refusal(awardTender(ports, first, tender.id, award, context))).code).toBe('not_opened');
    });

    it('lets a request lapse after the window: the same officer then asks again, never confirms alone', async () => {
      const tender = await published();
      const closing = Date.parse(tender.tenderPeriod.endDate);
      now = new Date(closing + 1000);
      await openTender(ports, first, tender.id, context);
      now = new Date(closing + 1000 + ports.settings.openingConfirmationMinutes * 60_000);
      const again = await openTender(ports, first, tender.id, context);
      expect(again).toMatchObject({ state: 'awaiting-confirmation', requestedAt: now.toISOString() });
      expect((await getOpening(ports, first, tender.id)).state).toBe('awaiting-confirmation');
    });
  });

  describe('clarifications', () => {
    it('publishes questions and answers without naming who asked', async () => {
      const tender = await published();
      now = new Date(START.getTime() + DAY);
      const q = await askQuestion(ports, { subject: 'citizen-a' }, tender.id, 'Is a three-year warranty acceptable?', context);
      await answerQuestion(ports, first, tender.id, q.id, 'Yes.', context);
      const page = await listClarifications(ports, tender.id, { limit: 10 });
      expect(page.items).toEqual([
        {
          id: q.id,
          tenderId: tender.id,
          question: 'Is a three-year warranty acceptable?',
          askedAt: now.toISOString(),
          answer: 'Yes.',
          answeredAt: now.toISOString(),
        },
      ]);
      expect(JSON.stringify(page.items)).not.toContain('citizen-a');
      expect(JSON.stringify(page.items)).not.toContain(supplierA);
    });
  });

  describe('OCDS', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const schema of OCDS_SCHEMAS) ajv.addSchema(schema);
    const validate = (id: string, data: unknown) => {
      const check = ajv.getSchema(id);
      if (!check) throw new Error(`no schema ${id}`);
      const ok = check(data);
      return ok ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    };

    it('publishes release and record packages that validate against the OCDS 1.1.5 schemas, bids never included', async () => {
      // The key provider reads the same clock, as KMS reads the time: the seed runs at the present.
      now = new Date();
      const seeded = await seedProcurement(ports, 'FEHD');
      expect(seeded).toBeDefined();
      const page = await releasePackage(ports, { limit: 100 }, 'https://example.gov.hk/procurement/ocds/releases');
      expect(validate(OCDS_SCHEMAS[1].$id, page)).toEqual([]);
      expect((page.releases as unknown[]).length).toBeGreaterThan(3);
      const ocid = `${ports.settings.ocidPrefix}-${seeded?.opened}`;
      const record = await recordPackage(ports, ocid, `https://example.gov.hk/procurement/ocds/records/${ocid}`);
      expect(validate(OCDS_SCHEMAS[2].$id, record)).toEqual([]);
      const [{ compiledRelease, releases }] = record.records as {
        compiledRelease: Record<string, unknown>;
        releases: { tag: string[] }[];
      }[];
      expect(releases.map((r) => r.tag)).toEqual([['planning', 'tender'], ['tenderUpdate']]);
      expect(compiledRelease).toMatchObject({
        tag: ['compiled'],
        tender: { status: 'complete', numberOfTenderers: 2, title_zh: '供應辦公室傢俬' },
      });
      const published = JSON.stringify(page) + JSON.stringify(record);
      expect(published).not.toContain('We offer the goods');
      expect(published).not.toContain('1350000');
    });

    it('amends, implements and terminates the awarded contract, each stage a release, the record still valid', async () => {
      now = new Date();
      const tenders = await ports.tenders.listPublished({ limit: 100 });
      const awarded = tenders.items.find((t) => t.state === 'awarded' && t.department === 'FEHD');
      const id = awarded?.id as string;
      const officer: Officer = { department: 'FEHD', subject: 'officer-fehd' };
      const before = await tableItems();
      expect((await refusal(amendContract(ports, officer, id, { rationale: 'Nothing' }, context))).code).toBe('empty_amendment');
      expect(
        (
          await refusal(
            recordImplementation(
              ports,
              officer,
              id,
              { milestones: [], payments: [{ id: 'deposit', date: now.toISOString(), value: { amount: 1, currency: 'HKD' } }] },
              context,
            ),
          )
        ).code,
      ).toBe('duplicate_id');
      expect(await tableItems()).toEqual(before);
      const amended = await amendContract(
        ports,
        officer,
        id,
        { rationale: 'Twenty more switches', value: { amount: 1_300_000, currency: 'HKD' } },
        context,
      );
      expect(amended.contract.amendments).toHaveLength(1);
      await recordImplementation(
        ports,
        officer,
        id,
        {
          milestones: [
            { id: 'delivery', title: 'Delivery and installation', dueDate: now.toISOString(), status: 'met', dateMet: now.toISOString() },
          ],
          payments: [],
        },
        context,
      );
      const ended = await terminateContract(ports, officer, id, 'The supplier ceased trading', context);
      expect(ended.contract.status).toBe('terminated');
      expect((await refusal(terminateContract(ports, officer, id, 'Again', context))).code).toBe('contract_refused');

      const record = await recordPackage(ports, `${ports.settings.ocidPrefix}-${id}`, 'https://example.gov.hk/procurement/ocds/records/x');
      expect(validate(OCDS_SCHEMAS[2].$id, record)).toEqual([]);
      const [{ releases, compiledRelease }] = record.records as {
        releases: { tag: string[] }[];
        compiledRelease: { contracts: Record<string, unknown>[] };
      }[];
      expect(releases.map((r) => r.tag[0])).toEqual([
        'planning',
        'tenderUpdate',
        'award',
        'contract',
        'implementation',
        'contractAmendment',
        'implementation',
        'contractTermination',
      ]);
      // Merged by identifier: one contract, its latest status, value and milestone, its payment kept.
      expect(compiledRelease.contracts).toHaveLength(1);
      expect(compiledRelease.contracts[0]).toMatchObject({
        status: 'terminated',
        value: { amount: 1_300_000 },
        implementation: { milestones: [{ id: 'delivery', status: 'met' }], transactions: [{ id: 'deposit', value: { amount: 120_000 } }] },
      });
    });

    it('a validator that can fail: a release without its tag is refused', () => {
      const release = { ocid: 'ocds-hkegov-T-2026-AB12CD34', id: 'x', date: '2026-01-01T00:00:00Z', initiationType: 'tender' };
      expect(validate(OCDS_SCHEMAS[0].$id, release).join()).toMatch(/tag/);
      expect(validate(OCDS_SCHEMAS[0].$id, { ...release, tag: ['bidOpening'] }).join()).toMatch(/allowed values/);
    });

    it('pages the release package with a cursor, never repeating a release', async () => {
      const all = await releasePackage(ports, { limit: 100 }, 'https://example.gov.hk/procurement/ocds/releases');
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await releasePackage(ports, { limit: 2, cursor }, 'https://example.gov.hk/procurement/ocds/releases');
        ids.push(...(page.releases as { id: string }[]).map((r) => r.id));
        const next = (page.links as { next?: string } | undefined)?.next;
        cursor = next ? (new URL(next).searchParams.get('cursor') ?? undefined) : undefined;
      } while (cursor);
      expect(ids).toEqual((all.releases as { id: string }[]).map((r) => r.id));
    });
  });
});
