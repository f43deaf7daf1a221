import { createIdempotently, type IdempotencyPolicy, type IdempotencyRefusals } from '../../shared/idempotency';
import { IDEMPOTENCY_KEY } from '../../shared/idempotency-key';
import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { Officer, RequestContext } from '../domain/caller';
import { amendmentRelease, publicationRelease } from '../domain/ocds';
import type { AmendTenderInput, CreateTenderInput } from '../domain/schemas';
import { amendmentProblem, isClosed, ocidOf, type Tender } from '../domain/tender';
import { periodShortfall, tenderingRule, wholeDays } from '../domain/tendering-period';
import {
  amendmentRefused,
  duplicateId,
  idempotencyKeyInProgress,
  idempotencyKeyReused,
  invalidIdempotencyKey,
  notDraft,
  periodTooShort,
  tenderChanged,
} from '../errors';
import type { ProcurementPorts } from '../ports';
import { ownTender, publishedTender, shortId } from './access';
import { audit, tenderSubject } from './audit';
import { publishRelease } from './releases';

/** A tender as the API shows it: whether it has closed, never its key. */
export type TenderView = Omit<Tender, 'bidKey' | 'evaluation'> & { readonly closed: boolean };

export function viewOf(tender: Tender, at: Date): TenderView {
  const { bidKey: _key, evaluation: _scores, ...rest } = tender;
  return { ...rest, closed: tender.state !== 'draft' && isClosed(tender, at) };
}

/** A draft's Idempotency-Key: remembered for a day, per department. */
const CREATE_IDEMPOTENCY: IdempotencyPolicy = { windowSeconds: 24 * 60 * 60, keyPattern: IDEMPOTENCY_KEY };
const CREATE_REFUSALS: IdempotencyRefusals = {
  invalidKey: invalidIdempotencyKey,
  reusedWithOtherRequest: idempotencyKeyReused,
  stillInProgress: idempotencyKeyInProgress,
};

/** POST /procurement/v1/department/tenders: a draft of the officer's department; a retry with its Idempotency-Key gets the same draft. */
export async function createTender(
  ports: ProcurementPorts,
  officer: Officer,
  input: CreateTenderInput,
  context: RequestContext & { readonly idempotencyKey?: string },
): Promise<TenderView & { readonly replayed?: boolean }> {
  for (const [what, ids] of [
    ['item', input.items.map((i) => i.id)],
    ['document', input.documents.map((d) => d.id)],
  ] as const) {
    const repeated = ids.find((x, i) => ids.indexOf(x) !== i);
    if (repeated !== undefined) throw duplicateId(what, repeated);
  }
  const now = ports.clock();
  const { result, replayed } = await createIdempotently(ports.draftClaims, CREATE_IDEMPOTENCY, CREATE_REFUSALS, {
    key: context.idempotencyKey,
    owner: officer.department,
    request: input,
    now,
    newId: () => `T-${now.getUTCFullYear()}-${shortId(ports.ids(), 8)}`,
    replay: async (id) => {
      const earlier = await ports.tenders.get(id);
      return earlier?.department === officer.department ? earlier : undefined;
    },
    create: async (id) => {
      const tender = draftOf(ports, officer, id, input, now);
      if (!(await ports.tenders.create(tender))) throw tenderChanged(id);
      await audit(ports, tenderSubject(id), 'tender.create', officer.subject, now, context);
      return tender;
    },
  });
  return { ...viewOf(result, now), replayed };
}

function draftOf(ports: ProcurementPorts, officer: Officer, id: string, input: CreateTenderInput, now: Date): Tender {
  return {
    id,
    ocid: ocidOf(ports.settings.ocidPrefix, id),
    department: officer.department,
    state: 'draft',
    title: input.title,
    description: input.description,
    items: input.items,
    value: input.value,
    procurementMethod: input.procurementMethod,
    ...(input.procurementMethodRationale ? { procurementMethodRationale: input.procurementMethodRationale } : {}),
    submissionMethod: input.submissionMethod,
    documents: input.documents,
    tenderPeriod: { endDate: new Date(input.tenderPeriod.endDate).toISOString() },
    ...(input.plannedProcurementNotice
      ? {
          plannedProcurementNotice: {
            ...input.plannedProcurementNotice,
            publishedAt: new Date(input.plannedProcurementNotice.publishedAt).toISOString(),
          },
        }
      : {}),
    ...(input.rationale ? { rationale: input.rationale } : {}),
    amendments: [],
    createdAt: now.toISOString(),
    createdBy: officer.subject,
    version: 1,
  };
}

/**
 * POST /procurement/v1/tenders/{id}/publish: checks the period against the tendering rule, makes
 * the tender's bid key and publishes the tender's OCDS release.
 */
export async function publishTender(ports: ProcurementPorts, officer: Officer, id: string, context: RequestContext): Promise<TenderView> {
  const tender = await ownTender(ports, officer, id);
  if (tender.state !== 'draft') throw notDraft(id);
  const now = ports.clock();
  const rule = tenderingRule(tender, now, ports.settings);
  const shortfall = periodShortfall(rule, now, tender.tenderPeriod.endDate);
  if (shortfall)
    throw periodTooShort(shortfall, {
      rule: rule.rule,
      minimumDays: rule.minimumDays,
      days: wholeDays(now, tender.tenderPeriod.endDate),
      covered: rule.covered,
      plannedNotice: rule.plannedNotice,
    });
  const bidKey = await ports.keys.create(id, tender.tenderPeriod.endDate);
  const published: Tender = {
    ...tender,
    state: 'active',
    tenderPeriod: { startDate: now.toISOString(), endDate: tender.tenderPeriod.endDate },
    bidKey,
    tenderingRule: rule.rule,
    publishedAt: now.toISOString(),
    version: tender.version + 1,
  };
  if (!(await ports.tenders.update(published, tender.version))) throw tenderChanged(id);
  await publishRelease(ports, published.ocid, (n) => publicationRelease(published, n, now.toISOString()));
  await audit(ports, tenderSubject(id), 'tender.publish', officer.subject, now, context, {
    rule: rule.rule,
    closesAt: tender.tenderPeriod.endDate,
  });
  return viewOf(published, now);
}

/** POST /procurement/v1/tenders/{id}/amendments: extends the period (the bid key's too) and publishes a tenderAmendment release. */
export async function amendTender(
  ports: ProcurementPorts,
  officer: Officer,
  id: string,
  input: AmendTenderInput,
  context: RequestContext,
): Promise<TenderView> {
  const tender = await ownTender(ports, officer, id);
  const now = ports.clock();
  const toEndDate = new Date(input.tenderPeriod.endDate).toISOString();
  const problem =
    tender.state === 'draft'
      ? 'A draft is changed by publishing it with its period; amendments are for published tenders.'
      : amendmentProblem(tender, toEndDate, now);
  if (problem) throw amendmentRefused(problem);
  const amendment = {
    id: `A-${tender.amendments.length + 1}`,
    date: now.toISOString(),
    rationale: input.rationale,
    fromEndDate: tender.tenderPeriod.endDate,
    toEndDate,
  };
  // The key's closing moves first: a later failure leaves bids sealed longer, never less.
  if (tender.bidKey) await ports.keys.extend(tender.bidKey, id, toEndDate);
  const amended: Tender = {
    ...tender,
    tenderPeriod: { ...tender.tenderPeriod, endDate: toEndDate },
    amendments: [...tender.amendments, amendment],
    version: tender.version + 1,
  };
  if (!(await ports.tenders.update(amended, tender.version))) throw tenderChanged(id);
  await publishRelease(ports, amended.ocid, (n) => amendmentRelease(amended, n, now.toISOString()));
  await audit(ports, tenderSubject(id), 'tender.amend', officer.subject, now, context, { fromEndDate: amendment.fromEndDate, toEndDate });
  return viewOf(amended, now);
}

/** GET /procurement/v1/tenders/{id}: a published tender. */
export async function getTender(ports: ProcurementPorts, id: string): Promise<TenderView> {
  return viewOf(await publishedTender(ports, id), ports.clock());
}

/** GET /procurement/v1/department/tenders/{id}: a tender of the officer's department, draft or not. */
export async function getOwnTender(ports: ProcurementPorts, officer: Officer, id: string): Promise<TenderView> {
  return viewOf(await ownTender(ports, officer, id), ports.clock());
}

/** GET /procurement/v1/tenders: published tenders, newest first. */
export async function listTenders(ports: ProcurementPorts, query: { cursor?: string; limit: number }): Promise<Page<TenderView>> {
  const after = resumeAfter(query.cursor);
  const page = await ports.tenders.listPublished({ after, limit: query.limit });
  const now = ports.clock();
  return pageOut(page, (t) => viewOf(t, now));
}
