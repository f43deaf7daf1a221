/** A department officer: who acts, and for which department. */
export interface Officer {
  readonly department: string;
  readonly subject: string;
}
