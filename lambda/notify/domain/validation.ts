import type * as z from 'zod';
import { notifyValidationError } from '../errors';

/** Parses input with a zod schema and, on failure, throws Notify's ValidationError list. */
export function parseNotify<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw notifyValidationError(result.error, input);
}
