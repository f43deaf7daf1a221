import * as z from 'zod';
import { MESSAGES } from './validation';

/** CKAN's rules for dataset, organization and group names (ckan/logic/validators.py name_validator). */
export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 100;

export const NAME_MESSAGES = {
  notString: 'Names must be strings',
  reserved: 'That name cannot be used',
  tooShort: `Must be at least ${NAME_MIN_LENGTH} characters long`,
  tooLong: `Name must be a maximum of ${NAME_MAX_LENGTH} characters long`,
  charset: 'Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_',
  taken: 'That URL is already in use.',
} as const;

/** Words CKAN keeps for its own pages. */
const RESERVED = new Set(['new', 'edit', 'search']);
const NAME_PATTERN = /^[a-z0-9_-]*$/;

/** The first rule a name breaks, in CKAN's order and wording, or undefined if it is valid. */
export function nameProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return NAME_MESSAGES.notString;
  if (RESERVED.has(value)) return NAME_MESSAGES.reserved;
  if (value.length < NAME_MIN_LENGTH) return NAME_MESSAGES.tooShort;
  if (value.length > NAME_MAX_LENGTH) return NAME_MESSAGES.tooLong;
  if (!NAME_PATTERN.test(value)) return NAME_MESSAGES.charset;
  return undefined;
}

export function isValidName(value: unknown): value is string {
  return nameProblem(value) === undefined;
}

/** A CKAN name as a zod schema, reporting CKAN's message for the rule broken. */
export function ckanName() {
  return z.string({ error: (issue) => (issue.input === undefined ? MESSAGES.missing : NAME_MESSAGES.notString) }).check((ctx) => {
    const problem = nameProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });
}

/**
 * A name derived from free text, for seeds and tests: lowercase ASCII, other characters turned
 * into dashes, trimmed to the length limit.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, NAME_MAX_LENGTH);
  return slug.length >= NAME_MIN_LENGTH ? slug : `${slug}-x`.slice(0, NAME_MAX_LENGTH);
}
