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
  'disposal-approved',
  'disposed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One entry of a record's history: appended once, never changed or removed. */
export interface RecordEvent {
  /**
   * Orders a record's events: the version of the record the event made, and its place among the
   * events of that version. The record's own conditional write admits one writer per version, so
   * two events never take the same id.
   */
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
  version: number,
  details: RecordEvent['details'] = {},
  position = 0,
): RecordEvent {
  return {
    id: `${String(version).padStart(8, '0')}.${position}`,
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
