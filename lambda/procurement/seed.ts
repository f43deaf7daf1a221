import { OFFICER_ROLE } from '../shared/identity';
import type { SeedLocal } from '../shared/seed';
import { awardTender } from './app/award';
import { submitBid } from './app/bids';
import { recordImplementation } from './app/contract';
import { openTender } from './app/opening';
import { registerSupplier } from './app/suppliers';
import { createTender, publishTender } from './app/tenders';
import { procurementPorts } from './compose';
import type { Officer } from './domain/caller';
import type { CreateTenderInput, RegisterSupplierInput } from './domain/schemas';
import type { ProcurementPorts } from './ports';

const DAY = 24 * 3600 * 1000;
const context = { requestId: 'seed', sourceIp: '127.0.0.1' };

/** The demo suppliers and the citizens who act for them; the demo citizen of local mode is the third's officer. */
export const SEED_SUPPLIERS: readonly { readonly officer: string; readonly supplier: RegisterSupplierInput }[] = [
  {
    officer: 'supplier-officer-1',
    supplier: {
      businessRegistrationNumber: '31234567',
      name: { en: 'Harbour Office Supplies Limited', zh: '海港辦公用品有限公司' },
      contact: { name: 'Chan Tai Man', email: 'tenders@harbour-office.example.hk', telephone: '+852 2123 4567' },
      categories: [{ scheme: 'CPV', id: '30190000-7' }],
    },
  },
  {
    officer: 'supplier-officer-2',
    supplier: {
      businessRegistrationNumber: '32345678',
      name: { en: 'Kowloon Computer Services Company', zh: '九龍電腦服務公司' },
      contact: { name: 'Wong Siu Ling', email: 'bids@kowloon-computer.example.hk', telephone: '+852 2345 6789' },
      categories: [{ scheme: 'CPV', id: '30200000-1' }],
    },
  },
  {
    officer: 'citizen-demo',
    supplier: {
      businessRegistrationNumber: '33456789',
      name: { en: 'Demo Trading Company' },
      contact: { name: 'Demo Citizen', email: 'citizen@example.hk', telephone: '+852 2456 7890' },
      categories: [{ scheme: 'UNSPSC', id: '43211500' }],
    },
  },
];

const tender = (title: string, zh: string, closesAt: Date, amount: number): CreateTenderInput => ({
  title: { en: title, zh },
  description: { en: `${title}, delivered to the department's offices.`, zh: `${zh}，送往部門辦事處。` },
  items: [{ id: '1', description: title, classification: { scheme: 'CPV', id: '30200000-1' }, quantity: 200, unit: 'set' }],
  value: { amount, currency: 'HKD' },
  procurementMethod: 'open',
  submissionMethod: ['electronicSubmission'],
  documents: [
    {
      id: 'notice',
      documentType: 'tenderNotice',
      title: 'Tender notice',
      url: 'https://www.example.gov.hk/tenders/notice.pdf',
      format: 'application/pdf',
    },
  ],
  tenderPeriod: { endDate: closesAt.toISOString() },
  rationale: 'Replacement of equipment at the end of its service life.',
});

/** The officers of a department who create and open the demo tenders. */
export const seedOfficers = (department: string): [Officer, Officer] => [
  { department, subject: `officer-${department.toLowerCase()}` },
  { department, subject: `procurement-officer-2-${department.toLowerCase()}` },
];

/** Ports whose clock reads `at`: the seed acts as if it had published and bid in the past. */
const at = (ports: ProcurementPorts, when: Date): ProcurementPorts => ({ ...ports, clock: () => when });

/**
 * The demo: three suppliers; in the department given an open tender with a bid, a tender closed
 * nine days ago with two sealed bids awaiting its opening, one closed and opened by two officers,
 * and one opened, scored, awarded and under way (a milestone, a payment). Does nothing if the suppliers exist.
 */
export async function seedProcurement(
  ports: ProcurementPorts,
  department: string,
): Promise<{ open: string; closed: string; opened: string; awarded: string } | undefined> {
  if (await ports.suppliers.ofOfficer(SEED_SUPPLIERS[0].officer)) return undefined;
  for (const { officer, supplier } of SEED_SUPPLIERS) await registerSupplier(ports, { subject: officer }, supplier, context);
  const [first, second] = seedOfficers(department);
  const now = ports.clock();
  const bid = (amount: number) => ({
    price: { amount, currency: 'HKD' as const },
    proposal: `We offer the goods as specified for HK$${amount}.`,
  });

  const open = await createTender(
    ports,
    first,
    tender('Supply of desktop computers', '供應桌上電腦', new Date(now.getTime() + 45 * DAY), 2_000_000),
    context,
  );
  await publishTender(ports, first, open.id, context);
  await submitBid(ports, { subject: SEED_SUPPLIERS[0].officer }, open.id, bid(1_850_000), context);

  const past = new Date(now.getTime() - 50 * DAY);
  const closing = new Date(past.getTime() + 41 * DAY);
  const earlier = at(ports, past);
  const closed = await createTender(earlier, first, tender('Supply of laser printers', '供應激光打印機', closing, 1_500_000), context);
  await publishTender(earlier, first, closed.id, context);
  const opened = await createTender(earlier, first, tender('Supply of office furniture', '供應辦公室傢俬', closing, 1_400_000), context);
  await publishTender(earlier, first, opened.id, context);
  const awarded = await createTender(earlier, first, tender('Supply of network switches', '供應網絡交換器', closing, 1_600_000), context);
  await publishTender(earlier, first, awarded.id, context);
  const bidding = at(ports, new Date(past.getTime() + 3 * DAY));
  for (const id of [closed.id, opened.id, awarded.id]) {
    await submitBid(bidding, { subject: SEED_SUPPLIERS[0].officer }, id, bid(1_200_000), context);
    await submitBid(bidding, { subject: SEED_SUPPLIERS[1].officer }, id, bid(1_350_000), context);
  }
  await openTender(ports, first, opened.id, context);
  await openTender(ports, second, opened.id, context);
  await openTender(ports, first, awarded.id, context);
  await openTender(ports, second, awarded.id, context);
  const [a, b] = [
    (await ports.suppliers.ofOfficer(SEED_SUPPLIERS[0].officer))?.id,
    (await ports.suppliers.ofOfficer(SEED_SUPPLIERS[1].officer))?.id,
  ] as string[];
  const score = (supplierId: string, price: number, merit: number) => [
    { supplierId, criterion: 'price', score: price, weight: 60 },
    { supplierId, criterion: 'technical-merit', score: merit, weight: 40 },
  ];
  const start = new Date(now.getTime() + 7 * DAY);
  await awardTender(
    ports,
    first,
    awarded.id,
    {
      scores: [...score(a, 90, 70), ...score(b, 80, 85)],
      supplierId: a,
      value: { amount: 1_200_000, currency: 'HKD' },
      contractPeriod: { startDate: start.toISOString(), endDate: new Date(start.getTime() + 365 * DAY).toISOString() },
    },
    context,
  );
  await recordImplementation(
    ports,
    first,
    awarded.id,
    {
      milestones: [
        {
          id: 'delivery',
          title: 'Delivery and installation',
          dueDate: new Date(start.getTime() + 60 * DAY).toISOString(),
          status: 'scheduled',
        },
      ],
      payments: [{ id: 'deposit', date: now.toISOString(), value: { amount: 120_000, currency: 'HKD' } }],
    },
    context,
  );
  return { open: open.id, closed: closed.id, opened: opened.id, awarded: awarded.id };
}

/** Local mode's seeding: the demo tenders in the first department, and the tokens of the suppliers' and second officer's. */
export const seedLocal: SeedLocal = async (context) => {
  const department = context.departments[0];
  const seeded = await seedProcurement(await procurementPorts(), department);
  const notes = seeded
    ? [
        `procurement: seeded in ${department} an open tender ${seeded.open}, a closed one with two bids ${seeded.closed}, an opened one ${seeded.opened} and an awarded one ${seeded.awarded}.`,
      ]
    : [];
  // The open tender's id and ocid, for clients that bid on it and read its record (the benchmark, the conformance run).
  const credentials: Record<string, string> = seeded
    ? { PROCUREMENT_OPEN_TENDER_ID: seeded.open, PROCUREMENT_OPEN_OCID: `${(await procurementPorts()).settings.ocidPrefix}-${seeded.open}` }
    : {};
  const tokens: Record<string, string | undefined> = {
    PROCUREMENT_SUPPLIER_TOKEN_1: await context.citizenToken?.(SEED_SUPPLIERS[0].officer, 'verified'),
    PROCUREMENT_SUPPLIER_TOKEN_2: await context.citizenToken?.(SEED_SUPPLIERS[1].officer, 'verified'),
    [`PROCUREMENT_SECOND_OFFICER_TOKEN_${department}`]: await context.staffToken?.(seedOfficers(department)[1].subject, department, [
      OFFICER_ROLE,
    ]),
  };
  for (const [name, token] of Object.entries(tokens)) {
    if (!token) continue;
    credentials[name] = token;
    notes.push(`procurement: ${name} ${token}`);
  }
  return { notes, credentials };
};
