import type { Officer } from '../domain/caller';
import type { Level } from '../domain/classification';
import { type AccessRequest, checkDecider, checkRequest } from '../domain/grant';
import type { AccessRequestInput } from '../domain/schemas';
import { noSuchRequest, refused, requestChanged } from '../errors';
import type { ExchangePorts } from '../ports';
import { record } from './log';
import { getService } from './services';

const shortId = (uuid: string) => uuid.replace(/-/g, '').slice(0, 10).toUpperCase();

/** POST /exchange/v1/services/{id}/requests: another department asks for access; a refusal is logged. */
export async function requestAccess(
  ports: ExchangePorts,
  officer: Officer,
  serviceId: string,
  input: AccessRequestInput,
): Promise<AccessRequest> {
  const service = await getService(ports, serviceId);
  const level = ports.departments[officer.department] as Level | undefined;
  const verdict = checkRequest(service, officer.department, level, input, ports.settings.maxGrantDays);
  if (!verdict.ok) {
    const error = { code: verdict.code, message: verdict.message };
    await record(ports, officer, service, {
      action: 'request',
      purpose: input.purpose,
      request: input,
      response: error,
      resultSize: 0,
      refusal: verdict.code,
    });
    throw refused(verdict.code, verdict.message);
  }
  const request: AccessRequest = {
    ...input,
    id: `AR-${shortId(ports.ids())}`,
    serviceId,
    owner: service.owner,
    requester: officer.department,
    requestedBy: officer.subject,
    state: 'pending',
    requestedAt: ports.clock().toISOString(),
  };
  await ports.requests.create(request);
  await record(ports, officer, service, {
    action: 'request',
    purpose: input.purpose,
    accessRequestId: request.id,
    request: input,
    response: request,
    resultSize: 0,
  });
  return request;
}

/** A request the caller's department is party to (requester or owner); any other is not found. */
export async function visibleRequest(ports: ExchangePorts, officer: Officer, id: string): Promise<AccessRequest> {
  const request = await ports.requests.get(id);
  if (!request || (request.owner !== officer.department && request.requester !== officer.department)) throw noSuchRequest(id);
  return request;
}

/** POST /exchange/v1/requests/{id}/decision: an officer of the owner, not the requester, approves or refuses. */
export async function decide(
  ports: ExchangePorts,
  officer: Officer,
  id: string,
  input: { decision: 'approve' | 'refuse'; reason?: string },
): Promise<AccessRequest> {
  const request = await visibleRequest(ports, officer, id);
  const service = await getService(ports, request.serviceId);
  const who = checkDecider(request, officer.department, officer.subject);
  // The rule is checked again: the receiver's classification may have changed since it asked.
  const rule =
    input.decision === 'approve'
      ? checkRequest(
          service,
          request.requester,
          ports.departments[request.requester] as Level | undefined,
          request,
          ports.settings.maxGrantDays,
        )
      : who;
  const verdict = who.ok ? rule : who;
  const base = { action: 'decision' as const, purpose: request.purpose, accessRequestId: id, request: input, resultSize: 0 };
  if (!verdict.ok) {
    await record(ports, officer, service, { ...base, response: { code: verdict.code }, refusal: verdict.code });
    throw refused(verdict.code, verdict.message);
  }
  const decided: AccessRequest = {
    ...request,
    state: input.decision === 'approve' ? 'approved' : 'refused',
    decidedBy: officer.subject,
    decidedAt: ports.clock().toISOString(),
    reason: input.reason,
  };
  if (!(await ports.requests.decide(decided))) throw requestChanged(id);
  await record(ports, officer, service, { ...base, response: decided });
  return decided;
}
