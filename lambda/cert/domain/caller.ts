/**
 * Who is calling, as the runtime's authentication resolves it. A department officer acts for
 * one department; CERT analysts act for all; platform administrators act as analysts do.
 */
export type Caller =
  | { readonly kind: 'public' }
  | { readonly kind: 'officer'; readonly department: string; readonly roles: readonly string[] }
  | { readonly kind: 'analyst' }
  | { readonly kind: 'admin' };

/** Work done by the platform itself, like the incident pipeline. */
export interface SystemActor {
  readonly kind: 'system';
  readonly name: string;
}

export type Actor = Caller | SystemActor;

/** Where a request came from, for the audit record. Given by the runtime per request. */
export interface RequestContext {
  readonly requestId: string;
  /** The caller's subject (user or client id) from its credentials. */
  readonly principalId?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
}

export function isCert(caller: Actor): boolean {
  return caller.kind === 'analyst' || caller.kind === 'admin';
}
