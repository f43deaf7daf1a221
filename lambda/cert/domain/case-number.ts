/** Case numbers: `GCERT-<year>-<sequence>`, the sequence counted per year and at least six digits. */
export const CASE_NUMBER_PATTERN = /^GCERT-(\d{4})-(\d{6,})$/;

export function formatCaseNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have four digits, got ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  return `GCERT-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseCaseNumber(value: string): { year: number; sequence: number } | undefined {
  const match = CASE_NUMBER_PATTERN.exec(value);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : undefined;
}
