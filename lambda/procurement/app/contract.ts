import type { Officer, RequestContext } from '../domain/caller';
import { contractChangeRelease } from '../domain/ocds';
import type { AmendContractInput, ImplementationInput } from '../domain/schemas';
import { type Award, contractChangeProblem, type Tender } from '../domain/tender';
import { contractRefused, tenderChanged, unprocessable } from '../errors';
import type { ProcurementPorts } from '../ports';
import { ownTender } from './access';
import { audit, tenderSubject } from './audit';
import { publishRelease } from './releases';

type Contract = Award['contract'];
type Stage = Parameters<typeof contractChangeRelease>[2];

/** Stores the changed contract if the tender is still as read, then publishes the stage's release and audits it. */
async function changeContract(
  ports: ProcurementPorts,
  officer: Officer,
  id: string,
  stage: Stage,
  change: (contract: Contract, now: string) => Contract,
  context: RequestContext,
  details: Record<string, unknown>,
): Promise<Award> {
  const tender = await ownTender(ports, officer, id);
  const problem = contractChangeProblem(tender);
  if (problem || !tender.award) throw contractRefused(problem ?? 'The tender has no contract.');
  const now = ports.clock().toISOString();
  const award: Award = { ...tender.award, contract: change(tender.award.contract, now) };
  const next: Tender = { ...tender, award, version: tender.version + 1 };
  if (!(await ports.tenders.update(next, tender.version))) throw tenderChanged(id);
  await publishRelease(ports, tender.ocid, (n) => contractChangeRelease(next, award, stage, n, now));
  const action =
    stage === 'contractAmendment' ? 'contract.amend' : stage === 'implementation' ? 'contract.implementation' : 'contract.terminate';
  await audit(ports, tenderSubject(id), action, officer.subject, new Date(now), context, details);
  return award;
}

/** POST /procurement/v1/tenders/{id}/contract/amendments: a new value or end date, with its rationale. */
export async function amendContract(
  ports: ProcurementPorts,
  officer: Officer,
  id: string,
  input: AmendContractInput,
  context: RequestContext,
) {
  if (!input.value && !input.endDate)
    throw unprocessable('empty_amendment', 'An amendment changes the value, the end date or both: give one.');
  return changeContract(
    ports,
    officer,
    id,
    'contractAmendment',
    (c, now) => {
      const endDate = input.endDate ? new Date(input.endDate).toISOString() : c.period.endDate;
      if (Date.parse(endDate) <= Date.parse(c.period.startDate))
        throw unprocessable('invalid_period', 'The contract must end after it starts.');
      return {
        ...c,
        value: input.value ?? c.value,
        period: { ...c.period, endDate },
        amendments: [
          ...c.amendments,
          {
            id: `CA-${c.amendments.length + 1}`,
            date: now,
            rationale: input.rationale,
            ...(input.value ? { value: input.value } : {}),
            ...(input.endDate ? { endDate } : {}),
          },
        ],
      };
    },
    context,
    { value: input.value?.amount, endDate: input.endDate },
  );
}

/** POST /procurement/v1/tenders/{id}/contract/implementation: milestones added or updated by id, payments added. */
export async function recordImplementation(
  ports: ProcurementPorts,
  officer: Officer,
  id: string,
  input: ImplementationInput,
  context: RequestContext,
) {
  if (input.milestones.length === 0 && input.payments.length === 0)
    throw unprocessable('empty_implementation', 'Give at least one milestone or payment.');
  return changeContract(
    ports,
    officer,
    id,
    'implementation',
    (c) => {
      const paid = new Set(c.payments.map((p) => p.id));
      const repeated = input.payments.find((p, i) => paid.has(p.id) || input.payments.findIndex((q) => q.id === p.id) !== i);
      if (repeated) throw unprocessable('duplicate_id', `Payment ${repeated.id} is recorded already: a payment is recorded once.`);
      const milestones = [...c.milestones];
      for (const m of input.milestones) {
        const at = milestones.findIndex((x) => x.id === m.id);
        const milestone = {
          ...m,
          dueDate: new Date(m.dueDate).toISOString(),
          ...(m.dateMet ? { dateMet: new Date(m.dateMet).toISOString() } : {}),
        };
        if (at >= 0) milestones[at] = milestone;
        else milestones.push(milestone);
      }
      const payments = [...c.payments, ...input.payments.map((p) => ({ ...p, date: new Date(p.date).toISOString() }))];
      return { ...c, milestones, payments };
    },
    context,
    { milestones: input.milestones.map((m) => m.id), payments: input.payments.map((p) => p.id) },
  );
}

/** POST /procurement/v1/tenders/{id}/contract/termination: the contract ends early; it changes no more. */
export async function terminateContract(ports: ProcurementPorts, officer: Officer, id: string, rationale: string, context: RequestContext) {
  return changeContract(
    ports,
    officer,
    id,
    'contractTermination',
    (c, now) => ({ ...c, status: 'terminated', termination: { date: now, rationale } }),
    context,
    {
      rationale,
    },
  );
}
