import { decodeCursor, encodeCursor, type Page } from '../../shared/sort-key-cursor';
import { type AuditAction, type AuditEvent, auditEvent } from '../domain/audit';
import type { Officer, RequestContext } from '../domain/caller';
import { foreignCursor } from '../errors';
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
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && after === undefined) throw foreignCursor();
  const page = await ports.audit.list(tenderSubject(id), { after, limit: query.limit });
  return { items: page.items.map(({ id: _id, subject: _subject, ...event }) => event), nextCursor: page.next && encodeCursor(page.next) };
}
