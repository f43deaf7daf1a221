import * as z from 'zod';
import { NOTIFY_IDEMPOTENCY } from './idempotency';
import { FILTERABLE_STATUSES, TEMPLATE_TYPES } from './model';
import { isValidEmailAddress, PHONE_NUMBER_PATTERN, phoneNumberProblem } from './recipients';

/**
 * Request schemas of Notify's v2 API, written once: the handlers parse with them (through
 * parseNotify, for Notify's error messages), and the route declarations and OpenAPI document
 * read them. Unknown fields are refused.
 */

const uuid = (field: string) => z.guid({ error: `${field} is not a valid UUID` });

const personalisationValue = z.union(
  [z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.null()]))],
  {
    error: (issue) =>
      `personalisation ${String(issue.path?.at(-1) ?? '')} must be text, a number or a list (sending files is not supported)`,
  },
);

export const personalisationSchema = z.record(z.string(), personalisationValue, {
  error: 'personalisation should contain key value pairs',
});

const reference = z.string().max(1000, { error: 'reference must be 1000 characters or fewer' }).nullable();

/** An e-mail address by the rules the service sends by (recipients.ts), declared as format `email`. */
const emailAddress = z
  .string({ error: 'email_address is not a valid email address' })
  .refine(isValidEmailAddress, { error: 'email_address is not a valid email address' })
  .meta({ format: 'email' });

export const sendEmailRequestSchema = z.strictObject({
  email_address: emailAddress,
  template_id: uuid('template_id'),
  personalisation: personalisationSchema.optional(),
  reference: reference.optional(),
  email_reply_to_id: uuid('email_reply_to_id').optional(),
  // Notify's own schema: a URI matching `^https`; the scheme in lower case, as written there.
  one_click_unsubscribe_url: z
    .url({ protocol: /^https$/, error: 'one_click_unsubscribe_url is not a valid https url' })
    .regex(/^https:/, { error: 'one_click_unsubscribe_url is not a valid https url' })
    .max(2000)
    .meta({ format: 'uri' })
    .optional(),
});
export type SendEmailRequest = z.output<typeof sendEmailRequestSchema>;

/**
 * A phone number as Notify's schema checks one (its `phone_number` format), with Hong Kong as the
 * home country: the pattern is what parsePhoneNumber reads, and a refusal says why in Notify's words.
 */
const phoneNumber = z
  .string({ error: 'phone_number Must not contain letters or symbols' })
  .regex(PHONE_NUMBER_PATTERN, { error: (issue) => phoneNumberProblem(issue.input) ?? 'phone_number is not a valid phone number' })
  .meta({
    description:
      'A Hong Kong mobile number (8 digits starting 4 to 9, optionally after +852 or 00852) or, after + or 00, another country\'s number of 8 to 15 digits; spaces, brackets, dots, hyphens, dashes and slashes may stand between the digits. Sending to a number outside Hong Kong needs the service\'s permission for international text messages: without it the answer is 400 BadRequestError "Cannot send to international mobile numbers".',
  });

export const sendSmsRequestSchema = z.strictObject({
  phone_number: phoneNumber,
  template_id: uuid('template_id'),
  personalisation: personalisationSchema.optional(),
  reference: reference.optional(),
  sms_sender_id: uuid('sms_sender_id').optional(),
});
export type SendSmsRequest = z.output<typeof sendSmsRequestSchema>;

/**
 * `POST /v2/notifications/letter` takes a letter from a template or a precompiled PDF (base64 in
 * `content`), as Notify's schemas define them. Notify reads a body with `content` as precompiled.
 */
const templatedLetterRequestSchema = z.strictObject({
  template_id: uuid('template_id'),
  personalisation: personalisationSchema,
  reference: z.string().max(1000, { error: 'reference must be 1000 characters or fewer' }).optional(),
});

const POSTAGE = ['first', 'second', 'economy'] as const;

const precompiledLetterRequestSchema = z.strictObject({
  reference: z.string(),
  content: z.string(),
  postage: z.enum(POSTAGE, { error: 'postage invalid. It must be either first, second or economy.' }).optional(),
});

export const sendLetterRequestSchema = z.union([templatedLetterRequestSchema, precompiledLetterRequestSchema]);
export type SendLetterRequest = z.output<typeof sendLetterRequestSchema>;

/** A query value that may be given once or repeated (`?status=a&status=b`), one of `values`. */
const oneOrMany = <T extends readonly [string, ...string[]]>(field: string, values: T) => {
  const item = z.enum(values, { error: (issue) => `${field} ${String(issue.input)} is not one of [${values.join(', ')}]` });
  return z.union([item, z.array(item)]).transform((v): T[number][] => (Array.isArray(v) ? v : [v]));
};

export const listNotificationsQuerySchema = z.strictObject({
  template_type: oneOrMany('template_type', TEMPLATE_TYPES).optional(),
  status: oneOrMany('status', FILTERABLE_STATUSES).optional(),
  reference: z.string().optional(),
  older_than: uuid('older_than').optional(),
  /** Notify lists notifications sent from uploaded files too when asked; none are sent from files here. */
  include_jobs: z.enum(['true', 'True'], { error: (issue) => `include_jobs ${String(issue.input)} is not one of [true, True]` }).optional(),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuerySchema>;

export const listReceivedTextsQuerySchema = z.strictObject({ older_than: uuid('older_than').optional() });
export type ListReceivedTextsQuery = z.output<typeof listReceivedTextsQuerySchema>;

/** Notify checks a notification's id as `notification_id`, a template's as `id`, and says so. */
export const notificationIdSchema = uuid('notification_id');

export const templateIdSchema = uuid('id');

export const templateVersionSchema = z.coerce
  .number({ error: 'version is not a valid integer' })
  .int({ error: 'version is not a valid integer' })
  .min(1, { error: (issue) => `version ${String(issue.input)} is less than the minimum of 1` });

export const previewTemplateRequestSchema = z.strictObject({
  personalisation: personalisationSchema.optional(),
});
export type PreviewTemplateRequest = z.output<typeof previewTemplateRequestSchema>;

export const listTemplatesQuerySchema = z.strictObject({
  type: z.enum(TEMPLATE_TYPES, { error: (issue) => `type ${String(issue.input)} is not one of [${TEMPLATE_TYPES.join(', ')}]` }).optional(),
});
export type ListTemplatesQuery = z.output<typeof listTemplatesQuerySchema>;

/** The `Idempotency-Key` header the sending routes accept, as NOTIFY_IDEMPOTENCY checks it. */
export const idempotencyKeySchema = z.string().min(1).max(255).regex(NOTIFY_IDEMPOTENCY.keyPattern);
