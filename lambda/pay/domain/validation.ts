import type * as z from 'zod';
import { invalidAttribute, invalidSearch, missingAttribute, PayError, unexpectedAttribute } from './errors';

/**
 * Parses a body or query with a zod schema and, on failure, throws Pay's error for the first
 * problem (Pay reports one at a time): a missing attribute, an unexpected one, or an invalid
 * value with the reason the schema gives (`Must be less than or equal to 10000000`).
 */
export interface PayErrorCodes {
  readonly missing: string;
  readonly invalid: string;
}

export const CREATE_PAYMENT_CODES: PayErrorCodes = { missing: 'P0101', invalid: 'P0102' };
export const CREATE_REFUND_CODES: PayErrorCodes = { missing: 'P0601', invalid: 'P0602' };

export function parsePayBody<S extends z.ZodType>(schema: S, input: unknown, codes: PayErrorCodes = CREATE_PAYMENT_CODES): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw payBodyError(result.error, input, codes);
}

/** Pay's error for the first problem a schema found in a request body. */
export function payBodyError(error: z.ZodError, input: unknown, codes: PayErrorCodes = CREATE_PAYMENT_CODES): PayError {
  return issueError(error.issues[0], input, codes);
}

function issueError(issue: z.core.$ZodIssue, input: unknown, codes: PayErrorCodes): PayError {
  if (issue.code === 'unrecognized_keys') return unexpectedAttribute(issue.keys[0]);
  const field = issue.path.map(String).join('.');
  if (issue.path.length === 0) return new PayError(400, codes.missing === 'P0601' ? 'P0697' : 'P0197', 'Unable to parse JSON');
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) == null) return missingAttribute(field, codes.missing);
  return invalidAttribute(field, detail(issue), codes.invalid);
}

/** Search queries: every invalid parameter named at once, as Pay does. */
export function parsePayQuery<S extends z.ZodType>(schema: S, input: unknown, code = 'P0401'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw paySearchError(result.error, code);
}

/** Pay's error for search parameters a schema refused: every one named. */
export function paySearchError(error: z.ZodError, code = 'P0401'): PayError {
  const fields = error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.map(String).join('.')]));
  return invalidSearch([...new Set(fields)], code);
}

function detail(issue: z.core.$ZodIssue): string {
  if (!issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ')) return issue.message;
  if (issue.code === 'invalid_type') return `Must be of type ${issue.expected}`;
  return 'Must be a valid value';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
