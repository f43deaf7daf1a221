import { type AuditRecord, auditRecord } from './audit';
import type { Actor, RequestContext } from './caller';
import type { Incident } from './incident';
import type { TriagePatch } from './schemas';
import { transition } from './state-machine';

export type TriageOutcome =
  | { readonly ok: true; readonly incident: Incident; readonly changed: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * The incident after a triage patch, with one audit record naming every field changed, or
 * the reason it is refused. A refused patch changes nothing; values equal to the current ones
 * are no change, and a patch of only those returns the incident as it was.
 */
export function applyTriage(incident: Incident, patch: TriagePatch, actor: Actor, context: RequestContext, at: Date): TriageOutcome {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  let action = 'update';
  let status = incident.status;
  if (patch.status !== undefined && patch.status !== incident.status) {
    const moved = transition(incident.status, patch.status);
    if (!moved.ok) return { ok: false, message: moved.message };
    status = moved.status;
    action = moved.action;
    changes.status = { from: incident.status, to: status };
  }
  const fields = ['severity', 'category', 'department'] as const;
  const next: { -readonly [K in keyof Incident]: Incident[K] } = { ...incident, status };
  for (const field of fields) {
    const value = patch[field];
    if (value !== undefined && value !== incident[field]) {
      changes[field] = { from: incident[field], to: value };
      (next as Record<string, unknown>)[field] = value;
    }
  }
  if (patch.assignee !== undefined && (patch.assignee ?? undefined) !== incident.assignee) {
    changes.assignee = { from: incident.assignee ?? null, to: patch.assignee };
    next.assignee = patch.assignee ?? undefined;
  }
  const now = at.toISOString();
  if (patch.note !== undefined) {
    changes.note = { from: null, to: patch.note };
    next.notes = [...incident.notes, { at: now, text: patch.note }];
  }
  if (Object.keys(changes).length === 0) return { ok: true, incident, changed: false };
  const record: AuditRecord = auditRecord(actor, context, at, action, changes);
  return {
    ok: true,
    changed: true,
    incident: { ...next, updatedAt: now, version: incident.version + 1, history: [...incident.history, record] },
  };
}
