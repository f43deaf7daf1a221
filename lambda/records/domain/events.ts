import type { Officer, RequestContext } from './caller';

export const EVENT_TYPES = [
  'declared',
  'content-stored',
  'closed',
  'action-recorded',
  'corrected',
  'superseded',
  'hold-placed',
  'hold-released',
  'due-recomputed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One entry of a record's history: appended once, never changed or removed. */
export interface RecordEvent {
  /** Orders a record's events: the moment and a random tail, so two at once never collide. */
  readonly id: string;
  readonly recordId: string;
  readonly type: EventType;
  readonly at: string;
  readonly actor: string;
  readonly department: string;
  readonly requestId: string;
  readonly sourceIp?: string;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

export function recordEvent(
  recordId: string,
  type: EventType,
  who: Officer,
  context: RequestContext,
  at: Date,
  tail: string,
  details: RecordEvent['details'] = {},
): RecordEvent {
  return {
    id: `${at.toISOString()}#${tail}`,
    recordId,
    type,
    at: at.toISOString(),
    actor: who.subject,
    department: who.department,
    requestId: context.requestId,
    ...(context.sourceIp ? { sourceIp: context.sourceIp } : {}),
    details,
  };
}
