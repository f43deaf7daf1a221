/** A tender's state; a tender is closed (no bid accepted) once its period's end has passed, whatever its state says. */
export const TENDER_STATES = ['draft', 'active', 'opened', 'awarded'] as const;
export type TenderState = (typeof TENDER_STATES)[number];

export const PROCUREMENT_METHODS = ['open', 'selective', 'limited'] as const;
export const SUBMISSION_METHODS = ['electronicSubmission'] as const;
/** Classification schemes of items and supplier categories: the EU's CPV and the UN's UNSPSC. */
export const CLASSIFICATION_SCHEMES = ['CPV', 'UNSPSC'] as const;
export const DOCUMENT_TYPES = [
  'tenderNotice',
  'biddingDocuments',
  'technicalSpecifications',
  'evaluationCriteria',
  'clarifications',
] as const;

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export interface TenderItem {
  readonly id: string;
  readonly description: string;
  readonly classification: { readonly scheme: (typeof CLASSIFICATION_SCHEMES)[number]; readonly id: string };
  readonly quantity: number;
  readonly unit?: string;
}

export interface TenderDocument {
  readonly id: string;
  readonly documentType: (typeof DOCUMENT_TYPES)[number];
  readonly title: string;
  readonly url: string;
  readonly format?: string;
}

export interface Amendment {
  readonly id: string;
  readonly date: string;
  readonly rationale: string;
  /** The closing time before and after. */
  readonly fromEndDate: string;
  readonly toEndDate: string;
}

export interface Tender {
  readonly id: string;
  readonly ocid: string;
  readonly department: string;
  readonly state: TenderState;
  readonly title: Bilingual;
  readonly description: Bilingual;
  readonly items: readonly TenderItem[];
  readonly value: { readonly amount: number; readonly currency: 'HKD' };
  readonly procurementMethod: (typeof PROCUREMENT_METHODS)[number];
  readonly procurementMethodRationale?: string;
  readonly submissionMethod: readonly (typeof SUBMISSION_METHODS)[number][];
  readonly documents: readonly TenderDocument[];
  /** When bids are received: from publication to `endDate`, the closing time. */
  readonly tenderPeriod: { readonly startDate?: string; readonly endDate: string };
  readonly plannedProcurementNotice?: { readonly publishedAt: string; readonly url?: string };
  /** Why the department buys, for the planning section. */
  readonly rationale?: string;
  readonly amendments: readonly Amendment[];
  /** The award and its contract, once the department has awarded the tender. */
  readonly award?: Award;
  /** The evaluation's scores by supplier and criterion, kept for the department, never published. */
  readonly evaluation?: readonly Score[];
  /** The KMS key (or local key) that seals this tender's bids, made at publication. */
  readonly bidKey?: string;
  /** The rule the period was checked against at publication. */
  readonly tenderingRule?: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly publishedAt?: string;
  readonly version: number;
}

/** Whether bids are refused: the closing time has come. A bid received at the very closing instant is late. */
export const isClosed = (tender: Pick<Tender, 'tenderPeriod'>, at: Date) => at.getTime() >= Date.parse(tender.tenderPeriod.endDate);

/** Why an amendment's new closing time is refused, or undefined: a closing time is only ever moved later, before it comes. */
export function amendmentProblem(tender: Tender, toEndDate: string, at: Date): string | undefined {
  if (tender.state !== 'active') return 'Only a published tender that is not yet opened can be amended.';
  if (isClosed(tender, at)) return 'The tender has closed: it can no longer be amended.';
  if (Date.parse(toEndDate) <= Date.parse(tender.tenderPeriod.endDate))
    return `An amendment extends the tender period: the new closing time must be later than ${tender.tenderPeriod.endDate}.`;
  return undefined;
}

/** The ocid of a tender: the platform's prefix, then the tender's id. */
export const ocidOf = (prefix: string, tenderId: string) => `${prefix}-${tenderId}`;

/** One criterion's score of one supplier's bid. */
export interface Score {
  readonly supplierId: string;
  readonly criterion: string;
  readonly score: number;
  /** The criterion's weight, as a share of 100. */
  readonly weight: number;
}

/** The award of a tender to one supplier and the contract signed with it. */
export interface Award {
  readonly id: string;
  readonly date: string;
  readonly supplier: { readonly id: string; readonly partyId: string; readonly name: string };
  readonly value: { readonly amount: number; readonly currency: 'HKD' };
  readonly contract: {
    readonly id: string;
    readonly title: string;
    readonly dateSigned: string;
    readonly period: { readonly startDate: string; readonly endDate: string };
    readonly value: { readonly amount: number; readonly currency: 'HKD' };
    readonly status: 'active' | 'terminated';
    readonly amendments: readonly ContractAmendment[];
    readonly milestones: readonly Milestone[];
    readonly payments: readonly Payment[];
    readonly termination?: { readonly date: string; readonly rationale: string };
  };
}

export interface ContractAmendment {
  readonly id: string;
  readonly date: string;
  readonly rationale: string;
  readonly value?: { readonly amount: number; readonly currency: 'HKD' };
  readonly endDate?: string;
}

export const MILESTONE_STATES = ['scheduled', 'met', 'notMet', 'partiallyMet'] as const;
export interface Milestone {
  readonly id: string;
  readonly title: string;
  readonly dueDate: string;
  readonly status: (typeof MILESTONE_STATES)[number];
  readonly dateMet?: string;
}

/** A payment made under the contract, from the department to the supplier. */
export interface Payment {
  readonly id: string;
  readonly date: string;
  readonly value: { readonly amount: number; readonly currency: 'HKD' };
}

/** Why a change to the contract is refused, or undefined: a terminated contract changes no more. */
export function contractChangeProblem(tender: Pick<Tender, 'state' | 'award'>): string | undefined {
  if (tender.state !== 'awarded' || !tender.award) return 'The tender has no contract yet: award it first.';
  if (tender.award.contract.status === 'terminated') return 'The contract is terminated: it changes no more.';
  return undefined;
}

/** Each supplier's weighted total, highest first: the sum of score × weight / 100 over the criteria. */
export function weightedTotals(scores: readonly Score[]): { supplierId: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const s of scores) totals.set(s.supplierId, (totals.get(s.supplierId) ?? 0) + (s.score * s.weight) / 100);
  return [...totals.entries()]
    .map(([supplierId, total]) => ({ supplierId, total: Math.round(total * 100) / 100 }))
    .sort((a, b) => b.total - a.total);
}

/** Why scores cannot be taken, or undefined: each criterion's weights add to 100, every opened bid is scored on each, no other. */
export function evaluationProblem(scores: readonly Score[], openedSuppliers: readonly string[]): string | undefined {
  const criteria = [...new Set(scores.map((s) => s.criterion))];
  const weights = new Map<string, number>();
  for (const s of scores) {
    if (!openedSuppliers.includes(s.supplierId)) return `Supplier ${s.supplierId} has no opened bid: only opened bids are scored.`;
    const w = weights.get(s.criterion);
    if (w !== undefined && w !== s.weight) return `Criterion ${s.criterion} is given two weights: give it one.`;
    weights.set(s.criterion, s.weight);
  }
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  if (Math.abs(total - 100) > 1e-9) return `The criteria's weights add to ${total}: they must add to 100.`;
  for (const supplier of openedSuppliers)
    for (const criterion of criteria)
      if (scores.filter((s) => s.supplierId === supplier && s.criterion === criterion).length !== 1)
        return `Score supplier ${supplier} once on criterion ${criterion}: every opened bid is scored once on every criterion.`;
  return undefined;
}
