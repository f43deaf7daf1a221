import type { RequestContext } from './caller';

export const AUDIT_ACTIONS = [
  'supplier.register',
  'tender.create',
  'tender.publish',
  'tender.amend',
  'clarification.ask',
  'clarification.answer',
  'bid.submit',
  'bid.withdraw',
  'opening.request',
  'opening.confirm',
  'bid.decrypt',
  'evaluation.score',
  'tender.award',
  'contract.amend',
  'contract.implementation',
  'contract.terminate',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One step of a tender or supplier, appended to its log and never changed. */
export interface AuditEvent {
  readonly id: string;
  /** What the event is about: `TENDER#<id>` or `SUPPLIER#<id>`. */
  readonly subject: string;
  readonly at: string;
  readonly action: AuditAction;
  readonly actor: string;
  readonly requestId: string;
  readonly sourceIp?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function auditEvent(
  id: string,
  subject: string,
  action: AuditAction,
  actor: string,
  at: Date,
  context: RequestContext,
  details?: Record<string, unknown>,
): AuditEvent {
  return {
    id,
    subject,
    at: at.toISOString(),
    action,
    actor,
    requestId: context.requestId,
    ...(context.sourceIp ? { sourceIp: context.sourceIp } : {}),
    ...(details ? { details } : {}),
  };
}
