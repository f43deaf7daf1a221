import type { Officer } from '../domain/caller';
import { grantInForce } from '../domain/grant';
import { planQuery } from '../domain/query';
import type { QueryInput } from '../domain/schemas';
import { refused } from '../errors';
import type { ExchangePorts } from '../ports';
import { record } from './log';
import { visibleRequest } from './requests';
import { getService } from './services';

/** POST /exchange/v1/requests/{id}/query: a bounded query under a grant in force; every answer and refusal is logged. */
export async function queryGrant(ports: ExchangePorts, officer: Officer, id: string, input: QueryInput) {
  const grant = await visibleRequest(ports, officer, id);
  const service = await getService(ports, grant.serviceId);
  const base = { action: 'query' as const, purpose: grant.purpose, accessRequestId: id, request: input };
  const inForce =
    officer.department === grant.requester
      ? grantInForce(grant, ports.clock())
      : { ok: false as const, code: 'not_requester', message: `Only ${grant.requester} queries under this grant.` };
  const plan = inForce.ok ? planQuery(service, grant, input, ports.settings.maxRows) : inForce;
  if (!plan.ok) {
    await record(ports, officer, service, { ...base, response: { code: plan.code }, resultSize: 0, refusal: plan.code });
    throw refused(plan.code, plan.message);
  }
  const rows = await ports.engine.run(plan.value);
  const entry = await record(ports, officer, service, { ...base, response: rows, resultSize: rows.length });
  return { rows, count: rows.length, logSequence: entry.sequence };
}
