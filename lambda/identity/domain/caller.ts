import type { AssuranceLevel } from '../../shared/assurance';

/** Who calls the identity service, as its rules see them. */
export type IdentityCaller =
  | { readonly kind: 'officer'; readonly subject: string; readonly department: string; readonly roles: readonly string[] }
  | { readonly kind: 'citizen'; readonly subject: string; readonly assurance: AssuranceLevel }
  | { readonly kind: 'other' };

export interface RequestContext {
  readonly requestId: string;
}
