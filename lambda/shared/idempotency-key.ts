import * as z from 'zod';

/** The `Idempotency-Key`s the platform's services accept: 8 to 128 letters, digits or `. _ : -`, like a UUID. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The header's schema, for a route's `headerSchemas`. */
export const idempotencyKeyHeader = z.string().regex(IDEMPOTENCY_KEY, 'use 8 to 128 letters, digits or . _ : -, like a UUID');
