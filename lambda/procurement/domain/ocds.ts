import type { Opening } from './opening';
import type { Award, Tender } from './tender';

/**
 * The OCDS releases the service publishes, one per stage: what OCDS publishes at that stage and
 * nothing of a bid's content. Titles and descriptions are in English, with the Chinese as OCDS's
 * language variations (`title_zh`).
 */
export type ReleaseTag =
  | 'planning'
  | 'tender'
  | 'tenderAmendment'
  | 'tenderUpdate'
  | 'award'
  | 'contract'
  | 'contractAmendment'
  | 'implementation'
  | 'contractTermination';

export interface Release {
  readonly ocid: string;
  readonly id: string;
  readonly date: string;
  readonly tag: readonly string[];
  readonly initiationType: 'tender';
  readonly [field: string]: unknown;
}

/** A release as stored: the release and its place in the ocid's sequence and the platform's feed. */
export interface StoredRelease {
  readonly release: Release;
  readonly sequence: number;
}

export const buyerPartyId = (department: string) => `HK-GOV-${department}`;

function buyer(tender: Tender) {
  return { id: buyerPartyId(tender.department), name: tender.department };
}

function tenderSection(tender: Tender, status: 'active' | 'complete') {
  return {
    id: tender.id,
    title: tender.title.en,
    title_zh: tender.title.zh,
    description: tender.description.en,
    description_zh: tender.description.zh,
    status,
    procuringEntity: buyer(tender),
    items: tender.items.map((item) => ({
      id: item.id,
      description: item.description,
      classification: { scheme: item.classification.scheme, id: item.classification.id },
      quantity: item.quantity,
      ...(item.unit ? { unit: { name: item.unit } } : {}),
    })),
    value: { amount: tender.value.amount, currency: tender.value.currency },
    procurementMethod: tender.procurementMethod,
    ...(tender.procurementMethodRationale ? { procurementMethodRationale: tender.procurementMethodRationale } : {}),
    submissionMethod: [...tender.submissionMethod],
    tenderPeriod: { startDate: tender.tenderPeriod.startDate, endDate: tender.tenderPeriod.endDate },
    documents: tender.documents.map((d) => ({ ...d })),
    ...(tender.amendments.length > 0
      ? {
          amendments: tender.amendments.map((a) => ({
            id: a.id,
            date: a.date,
            rationale: a.rationale,
            description: `Closing moved from ${a.fromEndDate} to ${a.toEndDate}`,
          })),
        }
      : {}),
  };
}

function base(tender: Tender, tag: readonly ReleaseTag[], sequence: number, date: string): Release {
  return {
    ocid: tender.ocid,
    id: `${tender.ocid}-${String(sequence).padStart(4, '0')}`,
    date,
    tag: [...tag],
    initiationType: 'tender',
    language: 'en',
    parties: [{ ...buyer(tender), roles: ['buyer', 'procuringEntity'] }],
    buyer: buyer(tender),
  };
}

/** The release of a tender's publication: its planning rationale, if any, and the tender. */
export function publicationRelease(tender: Tender, sequence: number, date: string): Release {
  const tag: ReleaseTag[] = tender.rationale ? ['planning', 'tender'] : ['tender'];
  return {
    ...base(tender, tag, sequence, date),
    ...(tender.rationale ? { planning: { rationale: tender.rationale } } : {}),
    tender: tenderSection(tender, 'active'),
  };
}

/** The release of an amendment: the tender as amended, its amendments listed. */
export function amendmentRelease(tender: Tender, sequence: number, date: string): Release {
  return { ...base(tender, ['tenderAmendment'], sequence, date), tender: tenderSection(tender, 'active') };
}

/** The release of the opening: the tender complete and how many tendered; never what they bid. */
export function openingRelease(tender: Tender, opening: Opening, sequence: number): Release {
  return {
    ...base(tender, ['tenderUpdate'], sequence, opening.openedAt),
    tender: { id: tender.id, status: 'complete', numberOfTenderers: opening.bids.length },
  };
}

function parties(tender: Tender, award: Award) {
  return [
    { ...buyer(tender), roles: ['buyer', 'procuringEntity'] },
    { id: award.supplier.partyId, name: award.supplier.name, roles: ['supplier', 'tenderer'] },
  ];
}

/** The release of the award: to whom, for how much, for which period of contract. */
export function awardRelease(tender: Tender, award: Award, sequence: number): Release {
  return {
    ...base(tender, ['award'], sequence, award.date),
    parties: parties(tender, award),
    awards: [
      {
        id: award.id,
        title: tender.title.en,
        status: 'active',
        date: award.date,
        value: { ...award.value },
        suppliers: [{ id: award.supplier.partyId, name: award.supplier.name }],
        contractPeriod: { ...award.contract.period },
      },
    ],
  };
}

/** The release of the contract signed under the award. */
export function contractRelease(tender: Tender, award: Award, sequence: number): Release {
  return {
    ...base(tender, ['contract'], sequence, award.contract.dateSigned),
    parties: parties(tender, award),
    contracts: [
      {
        id: award.contract.id,
        awardID: award.id,
        title: award.contract.title,
        status: 'active',
        period: { ...award.contract.period },
        value: { ...award.contract.value },
        dateSigned: award.contract.dateSigned,
      },
    ],
  };
}

type ContractStage = 'contractAmendment' | 'implementation' | 'contractTermination';

/**
 * A release of the contract as it now stands, for an amendment (its value, period and
 * amendments), its implementation (milestones, and payments as transactions from the buyer to
 * the supplier) or its termination (status terminated).
 */
export function contractChangeRelease(tender: Tender, award: Award, stage: ContractStage, sequence: number, date: string): Release {
  const c = award.contract;
  const contract =
    stage === 'contractAmendment'
      ? {
          value: { ...c.value },
          period: { ...c.period },
          amendments: c.amendments.map((a) => ({ id: a.id, date: a.date, rationale: a.rationale })),
        }
      : stage === 'implementation'
        ? {
            implementation: {
              milestones: c.milestones.map((m) => ({ ...m })),
              transactions: c.payments.map((p) => ({
                id: p.id,
                date: p.date,
                value: { ...p.value },
                payer: buyer(tender),
                payee: { id: award.supplier.partyId, name: award.supplier.name },
              })),
            },
          }
        : { status: 'terminated' };
  return {
    ...base(tender, [stage === 'implementation' ? 'implementation' : stage], sequence, date),
    parties: parties(tender, award),
    contracts: [{ id: c.id, awardID: award.id, ...contract }],
  };
}
