import { type Level, mayReceive } from './classification';
import type { DataService } from './dataset';
import type { Filter } from './query';

export const REQUEST_STATES = ['pending', 'approved', 'refused'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** A department's request for access to another's data service; once approved, it is the grant. */
export interface AccessRequest {
  readonly id: string;
  readonly serviceId: string;
  readonly owner: string;
  readonly requester: string;
  readonly requestedBy: string;
  readonly purpose: string;
  readonly from: string;
  readonly until: string;
  readonly columns: readonly string[];
  /** Rows outside this filter are never shared. @default - every row */
  readonly rowFilter?: readonly Filter[];
  readonly state: RequestState;
  readonly requestedAt: string;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly reason?: string;
}

export type Refusal = { readonly ok: false; readonly code: string; readonly message: string };
export type Verdict<T = undefined> = { readonly ok: true; readonly value: T } | Refusal;

const refuse = (code: string, message: string): Refusal => ({ ok: false, code, message });
const DAY = 86_400_000;

/** Whether a department may ask for the service on these terms; the classification rule first. */
export function checkRequest(
  service: DataService,
  requester: string,
  requesterLevel: Level | undefined,
  terms: { from: string; until: string; columns: readonly string[]; rowFilter?: readonly Filter[] },
  maxDays: number,
): Verdict {
  if (requester === service.owner) return refuse('own_service', `${requester} owns ${service.id}: query your own lake directly.`);
  if (!mayReceive(requesterLevel, service.classification))
    return refuse(
      'classification_exceeded',
      `${service.id} is ${service.classification}; ${requester} is cleared for ${requesterLevel ?? 'nothing'}: nothing above a department's classification can be granted to it.`,
    );
  const names = new Set(service.columns.map((c) => c.name));
  const unknown = [...terms.columns, ...(terms.rowFilter ?? []).map((f) => f.column)].filter((c) => !names.has(c));
  if (unknown.length > 0) return refuse('unknown_column', `${service.id} has no column ${unknown.join(', ')}.`);
  const from = Date.parse(terms.from);
  const until = Date.parse(terms.until);
  if (until <= from) return refuse('invalid_period', 'until must be after from.');
  if (until - from > maxDays * DAY) return refuse('period_too_long', `A grant lasts at most ${maxDays} days.`);
  return { ok: true, value: undefined };
}

/** Whether an officer may decide the request: one of the owning department, never the requester. */
export function checkDecider(request: AccessRequest, department: string, subject: string): Verdict {
  if (department !== request.owner) return refuse('not_owner', `Only an officer of ${request.owner} decides on access to its data.`);
  if (subject === request.requestedBy) return refuse('requester_decides', 'The officer who asked cannot decide.');
  if (request.state !== 'pending') return refuse('decided', `Request ${request.id} is ${request.state} already.`);
  return { ok: true, value: undefined };
}

/** Whether the request is a grant in force at `now`: approved, and inside its period. Expiry needs no job. */
export function grantInForce(request: AccessRequest, now: Date): Verdict {
  if (request.state !== 'approved') return refuse('not_granted', `Request ${request.id} is ${request.state}: nothing is granted.`);
  const t = now.getTime();
  if (t < Date.parse(request.from)) return refuse('grant_not_started', `The grant starts at ${request.from}.`);
  if (t >= Date.parse(request.until)) return refuse('grant_expired', `The grant expired at ${request.until}.`);
  return { ok: true, value: undefined };
}
