import { type Page, pageOut, resumeAfter } from '../../shared/sort-key-cursor';
import { type AuditAction, type AuditEvent, auditEvent } from '../domain/audit';
import type { Officer, RequestContext } from '../domain/caller';
import type { ProcurementPorts } from '../ports';
import { ownTender } from './access';

/** Appends one step to the log of what it concerns. */
export function audit(
  ports: ProcurementPorts,
  subject: string,
  action: AuditAction,
  actor: string,
  at: Date,
  context: RequestContext,
  details?: Record<string, unknown>,
): Promise<void> {
  return ports.audit.append(auditEvent(ports.ids(), subject, action, actor, at, context, details));
}

export const tenderSubject = (id: string) => `TENDER#${id}`;
export const supplierSubject = (id: string) => `SUPPLIER#${id}`;

/** GET /procurement/v1/tenders/{id}/audit: the tender's log, oldest first. */
export async function tenderAudit(
  ports: ProcurementPorts,
  officer: Officer,
  id: string,
  query: { cursor?: string; limit: number },
): Promise<Page<Omit<AuditEvent, 'id' | 'subject'>>> {
  await ownTender(ports, officer, id);
  const after = resumeAfter(query.cursor);
  const page = await ports.audit.list(tenderSubject(id), { after, limit: query.limit });
  return pageOut(page, ({ id: _id, subject: _subject, ...event }) => event);
}
