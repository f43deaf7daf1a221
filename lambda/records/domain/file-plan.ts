/**
 * A department's file plan: classes in three levels (function → activity → transaction), each
 * with a code that extends its parent's (`ADM`, `ADM-01`, `ADM-01-003`). Records are declared into
 * a class that names its disposal schedule.
 */
export const CLASS_LEVELS = ['function', 'activity', 'transaction'] as const;
export type ClassLevel = (typeof CLASS_LEVELS)[number];

export const CLASS_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,7}(?:-[0-9]{2,3}){0,2}$/;

export interface FileClass {
  readonly department: string;
  readonly code: string;
  readonly level: ClassLevel;
  readonly parentCode?: string;
  readonly title: { readonly en: string; readonly zh: string };
  /** The disposal schedule of the records it holds; a class without one holds none. */
  readonly scheduleId?: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** The level a code's shape gives it: one part a function, two an activity, three a transaction. */
export function levelOfCode(code: string): ClassLevel {
  return CLASS_LEVELS[code.split('-').length - 1];
}

/** The code of the class one level up, or undefined for a function. */
export function parentCodeOf(code: string): string | undefined {
  const parts = code.split('-');
  return parts.length > 1 ? parts.slice(0, -1).join('-') : undefined;
}

/** What is wrong with a new class, or undefined. */
export function classProblem(input: { code: string; level: ClassLevel }, parent: FileClass | undefined): string | undefined {
  if (levelOfCode(input.code) !== input.level) {
    return `Code ${input.code} is a ${levelOfCode(input.code)}'s code; a ${input.level} has ${CLASS_LEVELS.indexOf(input.level) + 1} part(s), like ${['ADM', 'ADM-01', 'ADM-01-003'][CLASS_LEVELS.indexOf(input.level)]}.`;
  }
  const parentCode = parentCodeOf(input.code);
  if (parentCode && !parent)
    return `Class ${parentCode} does not exist: create the ${CLASS_LEVELS[CLASS_LEVELS.indexOf(input.level) - 1]} first.`;
  return undefined;
}
