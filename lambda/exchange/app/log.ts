import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import type { Officer } from '../domain/caller';
import type { DataService } from '../domain/dataset';
import { digest, type LogAction, type LogEntry, verify } from '../domain/message-log';
import type { ExchangePorts } from '../ports';

/** Records one exchange or refusal in the chain. */
export function record(
  ports: ExchangePorts,
  officer: Officer,
  service: DataService,
  what: {
    action: LogAction;
    purpose: string;
    accessRequestId?: string;
    request: unknown;
    response: unknown;
    resultSize: number;
    refusal?: string;
  },
): Promise<LogEntry> {
  return ports.log.append({
    at: ports.clock().toISOString(),
    action: what.action,
    actor: officer.subject,
    actorDepartment: officer.department,
    owner: service.owner,
    serviceId: service.id,
    accessRequestId: what.accessRequestId,
    purpose: what.purpose,
    outcome: what.refusal ? 'refused' : 'answered',
    refusal: what.refusal,
    resultSize: what.resultSize,
    requestSha256: digest(what.request),
    responseSha256: digest(what.response),
  });
}

/** GET /exchange/v1/log: every use of the caller's department's data, oldest first. */
export async function ownerLog(ports: ExchangePorts, officer: Officer, query: { cursor?: string; limit: number }): Promise<Page<LogEntry>> {
  return pageOut(await ports.log.ofOwner(officer.department, { after: resumeAfter(query.cursor), limit: query.limit }));
}

/** GET /exchange/v1/log/verification: the whole chain checked. */
export async function verifyLog(ports: ExchangePorts) {
  return verify(await ports.log.all());
}
