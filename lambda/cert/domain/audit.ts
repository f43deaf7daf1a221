import type { Actor, RequestContext } from './caller';

/** Who did what, when and from where: one entry per change, kept with the record it changed. */
export interface AuditRecord {
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  /** Field changes, old and new value. */
  readonly changes?: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
  readonly requestId?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
}

export interface AuditActor {
  readonly kind: Actor['kind'];
  readonly department?: string;
  readonly principalId?: string;
  /** The platform component, for system work. */
  readonly name?: string;
}

export function auditActor(actor: Actor, context?: RequestContext): AuditActor {
  return {
    kind: actor.kind,
    department: actor.kind === 'officer' ? actor.department : undefined,
    name: actor.kind === 'system' ? actor.name : undefined,
    principalId: context?.principalId,
  };
}

export function auditRecord(
  actor: Actor,
  context: RequestContext | undefined,
  at: Date,
  action: string,
  changes?: AuditRecord['changes'],
): AuditRecord {
  return {
    at: at.toISOString(),
    actor: auditActor(actor, context),
    action,
    changes,
    requestId: context?.requestId,
    sourceIp: context?.sourceIp,
    userAgent: context?.userAgent,
  };
}
