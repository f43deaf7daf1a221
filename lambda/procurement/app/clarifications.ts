import { conflict } from '../../shared/errors';
import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { Officer, RequestContext, SupplierOfficer } from '../domain/caller';
import type { Clarification } from '../domain/clarification';
import { isClosed } from '../domain/tender';
import { noSuchQuestion, notOpenForBids, tenderClosed } from '../errors';
import type { ProcurementPorts } from '../ports';
import { ownTender, publishedTender, shortId, supplierOf } from './access';
import { audit, tenderSubject } from './audit';

/** POST /procurement/v1/tenders/{id}/questions: a supplier's question, published without its asker. */
export async function askQuestion(
  ports: ProcurementPorts,
  officer: SupplierOfficer,
  id: string,
  question: string,
  context: RequestContext,
): Promise<Clarification> {
  const tender = await publishedTender(ports, id);
  const supplier = await supplierOf(ports, officer);
  const now = ports.clock();
  if (tender.state !== 'active') throw notOpenForBids(id);
  if (isClosed(tender, now)) throw tenderClosed(id, tender.tenderPeriod.endDate, now.toISOString());
  const clarification: Clarification = { id: `Q-${shortId(ports.ids(), 8)}`, tenderId: id, question, askedAt: now.toISOString() };
  if (!(await ports.clarifications.create(clarification)))
    throw conflict('A question was asked at this instant with the same id; ask again.');
  // Who asked is kept here only: the published clarification is anonymous.
  await audit(ports, tenderSubject(id), 'clarification.ask', officer.subject, now, context, {
    questionId: clarification.id,
    supplierId: supplier.id,
  });
  return clarification;
}

/** POST /procurement/v1/tenders/{id}/questions/{questionId}/answer: the department's answer, published to all. */
export async function answerQuestion(
  ports: ProcurementPorts,
  officer: Officer,
  id: string,
  questionId: string,
  answer: string,
  context: RequestContext,
): Promise<Clarification> {
  await ownTender(ports, officer, id);
  const question = await ports.clarifications.get(id, questionId);
  if (!question) throw noSuchQuestion(questionId);
  if (question.answer !== undefined) throw conflict(`Question ${questionId} is answered already.`);
  const now = ports.clock();
  const answered: Clarification = { ...question, answer, answeredAt: now.toISOString() };
  if (!(await ports.clarifications.answer(answered))) throw conflict(`Question ${questionId} is answered already.`);
  await audit(ports, tenderSubject(id), 'clarification.answer', officer.subject, now, context, { questionId });
  return answered;
}

/** GET /procurement/v1/tenders/{id}/clarifications: every question and answer, in the order asked. */
export async function listClarifications(
  ports: ProcurementPorts,
  id: string,
  query: { cursor?: string; limit: number },
): Promise<Page<Clarification>> {
  await publishedTender(ports, id);
  const after = resumeAfter(query.cursor);
  const page = await ports.clarifications.list(id, { after, limit: query.limit });
  return pageOut(page);
}
