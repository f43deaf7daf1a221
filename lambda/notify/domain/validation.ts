import type * as z from 'zod';
import { type NotifyError, validationFailed } from './errors';

/**
 * Parses input with a zod schema and, on failure, throws Notify's ValidationError list with
 * messages in Notify's style (`email_address is a required property`, `reference 5 is not of
 * type string`, `Additional properties are not allowed (x was unexpected)`). Schemas that need
 * a particular message give it themselves, already naming the field.
 */
export function parseNotify<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw notifyValidationError(result.error, input);
}

/** Notify's ValidationError list for what a schema refused in `input`. */
export function notifyValidationError(error: z.ZodError, input: unknown): NotifyError {
  return validationFailed(error.issues.map((issue) => issueMessage(issue, input)));
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const field = issue.path.map(String).join(' ');
  const value = valueAt(input, issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `Additional properties are not allowed (${issue.keys.join(', ')} ${issue.keys.length === 1 ? 'was' : 'were'} unexpected)`;
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'Request body must be a JSON object';
  if (issue.code === 'invalid_type' && value === undefined) return `${field} is a required property`;
  const generic = issue.message.startsWith('Invalid input') || issue.message.startsWith('Too ') || issue.message.startsWith('Invalid ');
  if (!generic) return issue.message;
  if (issue.code === 'invalid_type') return `${field} ${JSON.stringify(value)} is not of type ${issue.expected}`;
  return `${field} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`.trim();
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
