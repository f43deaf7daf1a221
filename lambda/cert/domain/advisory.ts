import type { AuditRecord } from './audit';

/** The two levels GovCERT.HK publishes alerts at. */
export const ADVISORY_LEVELS = ['Security Alert', 'High Threat Security Alert'] as const;
export type AdvisoryLevel = (typeof ADVISORY_LEVELS)[number];

/**
 * Advisory ids as GovCERT.HK writes them: `A<yy>-<mm>-<nn>`, the sequence counted per month of
 * publication and at least two digits, like A26-05-30.
 */
export const ADVISORY_ID_PATTERN = /^A(\d{2})-(\d{2})-(\d{2,})$/;

export interface Advisory {
  readonly id: string;
  readonly level: AdvisoryLevel;
  readonly title: string;
  readonly summary: string;
  readonly affectedProducts: readonly string[];
  readonly cves: readonly string[];
  readonly references: readonly string[];
  readonly publishedAt: string;
  readonly history: readonly AuditRecord[];
}

/** What the public sees of an advisory: everything but its audit trail. */
export type PublicAdvisory = Omit<Advisory, 'history'>;

export function publicAdvisory({ history, ...advisory }: Advisory): PublicAdvisory {
  return advisory;
}

export function formatAdvisoryId(year: number, month: number, sequence: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1 to 12, got ${month}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  const yy = String(year % 100).padStart(2, '0');
  return `A${yy}-${String(month).padStart(2, '0')}-${String(sequence).padStart(2, '0')}`;
}

export function parseAdvisoryId(value: string): { yy: number; month: number; sequence: number } | undefined {
  const match = ADVISORY_ID_PATTERN.exec(value);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { yy: Number(match[1]), month, sequence: Number(match[3]) } : undefined;
}
