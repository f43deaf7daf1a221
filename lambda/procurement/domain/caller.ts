/** A department officer acting for the buyer: any officer of the department that owns the tender. */
export interface Officer {
  readonly department: string;
  readonly subject: string;
}

/** A supplier's officer: a citizen signed in at `verified` or higher, named an officer of one supplier. */
export interface SupplierOfficer {
  readonly subject: string;
}

/** Where a request came from, for the audit log. */
export interface RequestContext {
  readonly requestId: string;
  readonly sourceIp?: string;
}
