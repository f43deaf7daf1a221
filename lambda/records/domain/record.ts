import { safeFileName } from '../../shared/object-names';
import type { Disposal } from './disposal';
import { dueAt, retainUntil, type TriggerFacts } from './retention';
import type { DisposalSchedule } from './schedule';

/**
 * Where a record is in its life. Declared, it waits for its content; once the content has arrived
 * with the checksum declared it is `kept`: its content and metadata never change again (a
 * correction is a new record that supersedes it). Disposed of, it is `destroyed` (its content
 * deleted, its metadata kept) or `transferred` to the Government Records Service.
 */
export const RECORD_STATES = ['awaiting-content', 'kept', 'destroyed', 'transferred'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/** How S3 locks the content: COMPLIANCE (nobody can shorten it) or GOVERNANCE (a privileged role can). */
export const LOCK_MODES = ['COMPLIANCE', 'GOVERNANCE'] as const;
export type LockMode = (typeof LOCK_MODES)[number];

export interface ContentDeclaration {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

export interface LegalHold {
  readonly id: string;
  readonly reason: string;
  readonly placedAt: string;
  readonly placedBy: string;
}

export interface RecordMetadata {
  readonly title: string;
  readonly description?: string;
  readonly author?: string;
  readonly createdOn?: string;
  readonly language: string;
  readonly securityClassification: 'UNCLASSIFIED' | 'RESTRICTED' | 'CONFIDENTIAL' | 'SECRET';
  readonly keywords: readonly string[];
}

export interface RecordItem extends TriggerFacts {
  readonly id: string;
  readonly department: string;
  readonly classCode: string;
  readonly scheduleId: string;
  readonly metadata: RecordMetadata;
  readonly state: RecordState;
  readonly content: ContentDeclaration & { readonly objectKey: string; readonly versionId?: string; readonly storedAt?: string };
  /** The lock the content is written under: mode, and until when, from the schedule. */
  readonly lock: { readonly mode: LockMode; readonly retainUntil: string; readonly reason?: string };
  /** When it falls due for disposal; absent while its trigger has not happened. */
  readonly dueAt?: string;
  readonly holds: readonly LegalHold[];
  /** The record this one corrects, and the one that corrects it. */
  readonly supersedes?: string;
  readonly supersededBy?: string;
  readonly declaredBy: string;
  /** The disposal once approved by a records manager; done once a senior officer approves too. */
  readonly disposal?: Disposal;
  /** Rises by one on every change of the item. */
  readonly version: number;
}

/** The lock an object is written under, as the service's configuration gives it. */
export interface LockPolicy {
  readonly mode: LockMode;
  /** Why GOVERNANCE rather than COMPLIANCE; required with it. */
  readonly reason?: string;
}

/** A record's due date and lock after its facts or its schedule changed; the lock never shortens. */
export function scheduled(record: RecordItem, schedule: DisposalSchedule, now: Date): Pick<RecordItem, 'dueAt' | 'lock' | 'scheduleId'> {
  const due = dueAt(schedule, record);
  const until = retainUntil(schedule, record, now, record.lock.retainUntil);
  return { scheduleId: schedule.id, dueAt: due?.toISOString(), lock: { ...record.lock, retainUntil: until.toISOString() } };
}

/** Why the record's content or facts cannot change now, or undefined. */
export function immutabilityProblem(record: RecordItem, wants: 'store-content' | 'close' | 'act' | 'correct'): string | undefined {
  if (wants === 'store-content') {
    return record.state !== 'awaiting-content'
      ? `Record ${record.id} is ${record.state}: its content cannot change. Declare a correction instead.`
      : undefined;
  }
  if (record.state === 'destroyed' || record.state === 'transferred') return `Record ${record.id} was disposed of (${record.state}).`;
  if (record.state !== 'kept') return `Record ${record.id} has no content yet: upload it and confirm it first.`;
  if (wants === 'close' && record.closedAt) return `Record ${record.id} was closed on ${record.closedAt}.`;
  if (wants === 'correct' && record.supersededBy) return `Record ${record.id} is already corrected by ${record.supersededBy}.`;
  if ((wants === 'close' || wants === 'act') && record.supersededBy) return `Record ${record.id} is superseded by ${record.supersededBy}.`;
  return undefined;
}

/** Every record's content at a key of its own, never reused. */
export const contentKey = (department: string, id: string, fileName: string) => `records/${department}/${id}/${safeFileName(fileName)}`;
