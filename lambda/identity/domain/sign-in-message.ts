import * as z from 'zod';
import type { SignInMessage } from '../ports';

/** A sign-in report as the recorder accepts it: anything else on the queue is not one. */
export const signInMessageSchema: z.ZodType<SignInMessage> = z.strictObject({
  subject: z.string().min(1).max(128),
  clientId: z.string().regex(/^[\w-]{1,128}$/),
  at: z.iso.datetime(),
});
