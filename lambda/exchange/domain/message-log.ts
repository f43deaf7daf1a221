import { canonicalJson } from '../../shared/request-fingerprint';
import { sha256Hex } from '../../shared/sealed-secret';

export const LOG_ACTIONS = ['request', 'decision', 'query'] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

/** What an exchange or refusal records, before it takes its place in the chain. */
export interface LogRecord {
  readonly at: string;
  readonly action: LogAction;
  /** The officer, and the department they acted for. */
  readonly actor: string;
  readonly actorDepartment: string;
  /** The department whose data it concerns: it sees the entry. */
  readonly owner: string;
  readonly serviceId: string;
  readonly accessRequestId?: string;
  readonly purpose: string;
  readonly outcome: 'answered' | 'refused';
  /** The refusal's code. @default - none: the exchange went ahead */
  readonly refusal?: string;
  readonly resultSize: number;
  readonly requestSha256: string;
  readonly responseSha256: string;
}

/** An entry of the message log: its record, its place, and the hash that chains it to the one before. */
export interface LogEntry extends LogRecord {
  readonly sequence: number;
  readonly previousHash: string;
  readonly hash: string;
}

/** The previous hash of the first entry. */
export const GENESIS = '0'.repeat(64);

/** SHA-256 of a value in canonical JSON, as the log records requests and responses. */
export const digest = (value: unknown) => sha256Hex(canonicalJson(value));

export function entryHash(entry: Omit<LogEntry, 'hash'>): string {
  return digest(entry);
}

/** The entry that follows `head` (the last entry, or none for the first). */
export function chain(head: LogEntry | undefined, record: LogRecord): LogEntry {
  const body = { ...record, sequence: head ? head.sequence + 1 : 1, previousHash: head ? head.hash : GENESIS };
  return { ...body, hash: entryHash(body) };
}

export type Verification =
  | { readonly valid: true; readonly length: number; readonly head: string }
  | {
      readonly valid: false;
      readonly length: number;
      readonly brokenAt: number;
      readonly reason: string;
    };

/** Checks a whole log, oldest first: each entry's own hash, its link to the one before, and no gap. */
export function verify(entries: readonly LogEntry[]): Verification {
  let previous = GENESIS;
  for (const [i, entry] of entries.entries()) {
    const { hash, ...body } = entry;
    const broken = (reason: string): Verification => ({ valid: false, length: entries.length, brokenAt: i + 1, reason });
    if (entry.sequence !== i + 1) return broken(`entry ${i + 1} is numbered ${entry.sequence}: an entry is missing or moved`);
    if (entry.previousHash !== previous) return broken(`entry ${i + 1} does not link to the one before`);
    if (entryHash(body) !== hash) return broken(`entry ${i + 1} was changed after it was written`);
    previous = hash;
  }
  return { valid: true, length: entries.length, head: previous };
}
