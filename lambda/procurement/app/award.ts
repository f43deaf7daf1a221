import type { Officer, RequestContext } from '../domain/caller';
import { awardRelease, contractRelease } from '../domain/ocds';
import type { AwardTenderInput } from '../domain/schemas';
import { supplierPartyId } from '../domain/supplier';
import { type Award, evaluationProblem, type Tender, weightedTotals } from '../domain/tender';
import { alreadyAwarded, notOpened, tenderChanged, unprocessable } from '../errors';
import type { ProcurementPorts } from '../ports';
import { ownTender } from './access';
import { audit, tenderSubject } from './audit';
import { publishRelease } from './releases';

/**
 * POST /procurement/v1/tenders/{id}/award: scores every opened bid on each criterion, awards the
 * tender to one of them and records the contract signed, publishing the award and contract
 * releases. The scores stay with the department and the audit log; OCDS publishes the award.
 */
export async function awardTender(
  ports: ProcurementPorts,
  officer: Officer,
  id: string,
  input: AwardTenderInput,
  context: RequestContext,
): Promise<{ tenderId: string; award: Award; ranking: { supplierId: string; total: number }[] }> {
  const tender = await ownTender(ports, officer, id);
  if (tender.state === 'awarded') throw alreadyAwarded(id);
  const opening = await ports.openings.get(id);
  if (tender.state !== 'opened' || !opening) throw notOpened(id);
  const opened = opening.bids.map((b) => b.supplierId);
  const problem = evaluationProblem(input.scores, opened);
  if (problem) throw unprocessable('invalid_evaluation', problem);
  if (!opened.includes(input.supplierId))
    throw unprocessable('not_a_tenderer', `Supplier ${input.supplierId} has no opened bid for this tender.`);
  if (Date.parse(input.contractPeriod.endDate) <= Date.parse(input.contractPeriod.startDate))
    throw unprocessable('invalid_period', 'The contract period must end after it starts.');
  const supplier = await ports.suppliers.get(input.supplierId);
  if (!supplier) throw unprocessable('not_a_tenderer', `There is no supplier ${input.supplierId}.`);
  const now = ports.clock().toISOString();
  const award: Award = {
    id: `${id}-award-1`,
    date: now,
    supplier: { id: supplier.id, partyId: supplierPartyId(supplier), name: supplier.name.en },
    value: input.value,
    contract: {
      id: `${id}-contract-1`,
      title: tender.title.en,
      dateSigned: now,
      period: {
        startDate: new Date(input.contractPeriod.startDate).toISOString(),
        endDate: new Date(input.contractPeriod.endDate).toISOString(),
      },
      value: input.value,
      status: 'active',
      amendments: [],
      milestones: [],
      payments: [],
    },
  };
  const awarded: Tender = { ...tender, state: 'awarded', award, evaluation: input.scores, version: tender.version + 1 };
  if (!(await ports.tenders.update(awarded, tender.version))) throw tenderChanged(id);
  const ranking = weightedTotals(input.scores);
  await audit(ports, tenderSubject(id), 'evaluation.score', officer.subject, new Date(now), context, { ranking });
  await publishRelease(ports, tender.ocid, (n) => awardRelease(awarded, award, n));
  await publishRelease(ports, tender.ocid, (n) => contractRelease(awarded, award, n));
  await audit(ports, tenderSubject(id), 'tender.award', officer.subject, new Date(now), context, {
    supplierId: supplier.id,
    value: input.value.amount,
  });
  return { tenderId: id, award, ranking };
}
