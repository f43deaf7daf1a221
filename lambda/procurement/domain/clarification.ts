/**
 * A question a supplier asked about a tender, and the department's answer. Both are published to
 * everyone without naming who asked: the asker is kept only in the audit log.
 */
export interface Clarification {
  readonly id: string;
  readonly tenderId: string;
  readonly question: string;
  readonly askedAt: string;
  readonly answer?: string;
  readonly answeredAt?: string;
}
