import * as z from 'zod';
import { LANGUAGES, PAYMENT_STATUSES } from './model';

/**
 * Request schemas of Pay's v1 API, written once for handlers, routes and the OpenAPI document.
 * Amounts are Hong Kong dollar cents, with Pay's limit of 10,000,000. Unknown fields are refused.
 */
export const MAX_AMOUNT = 10_000_000;

const text = (max: number) =>
  z
    .string({ error: 'Must be a string' })
    .min(1, { error: 'Must not be empty' })
    .max(max, { error: `Must be less than or equal to ${max} characters length` });

const amount = z
  .number({ error: 'Must be a number' })
  .int({ error: 'Must be a whole number of cents' })
  .min(1, { error: 'Must be greater than or equal to 1' })
  .max(MAX_AMOUNT, { error: `Must be less than or equal to ${MAX_AMOUNT}` });

const metadataValue = z.union([z.string().max(100, { error: 'Values must be 100 characters or fewer' }), z.number(), z.boolean()], {
  error: 'Values must be strings, numbers or booleans',
});

export const createPaymentRequestSchema = z.strictObject({
  amount,
  reference: text(255),
  description: text(255),
  return_url: z
    .string({ error: 'Must be a string' })
    .max(2000, { error: 'Must be less than or equal to 2000 characters length' })
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { error: 'Must be a valid URL format' }),
  email: z
    .email({ error: 'Must be a valid email address' })
    .max(254, { error: 'Must be less than or equal to 254 characters length' })
    .optional(),
  metadata: z
    .record(
      z.string().min(1, { error: 'Keys must be 1 to 30 characters' }).max(30, { error: 'Keys must be 1 to 30 characters' }),
      metadataValue,
      {
        error: 'Must be an object of JSON',
      },
    )
    .refine((m) => Object.keys(m).length >= 1 && Object.keys(m).length <= 10, { error: 'Must have between 1 and 10 keys' })
    .optional(),
  delayed_capture: z.boolean({ error: 'Must be true or false' }).optional(),
  language: z.enum(LANGUAGES, { error: `Must be one of ${LANGUAGES.join(', ')}` }).optional(),
});
export type CreatePaymentRequest = z.output<typeof createPaymentRequestSchema>;

const isoDateTime = z
  .string()
  .refine((v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v)));
const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

export const searchPaymentsQuerySchema = z.strictObject({
  reference: z.string().max(255).optional(),
  email: z.string().max(254).optional(),
  state: z.enum(PAYMENT_STATUSES).optional(),
  from_date: isoDateTime.optional(),
  to_date: isoDateTime.optional(),
  page: positiveInt(1_000_000).optional(),
  display_size: positiveInt(500).optional(),
});
export type SearchPaymentsQuery = z.output<typeof searchPaymentsQuerySchema>;

export const createRefundRequestSchema = z.strictObject({
  amount,
  refund_amount_available: z
    .number({ error: 'Must be a number' })
    .int({ error: 'Must be a whole number of cents' })
    .min(0, { error: 'Must be greater than or equal to 0' })
    .max(MAX_AMOUNT, { error: `Must be less than or equal to ${MAX_AMOUNT}` }),
});
export type CreateRefundRequest = z.output<typeof createRefundRequestSchema>;

/**
 * The hosted payment page's card form as the browser posts it: every field text, checked by
 * readCardForm so the page can show its errors beside the fields, rather than refused here.
 */
const formField = (max: number) => z.string().max(max).optional();
export const cardFormSchema = z.strictObject({
  cardNo: formField(40),
  expiryMonth: formField(4),
  expiryYear: formField(8),
  cvc: formField(8),
  cardholderName: formField(255),
  email: formField(254),
});
export type CardForm = z.output<typeof cardFormSchema>;

/** What `next_url_post` tells a service to post: the payment's charge token. */
export const chargeTokenFormSchema = z.strictObject({ chargeTokenId: z.string().regex(/^[0-9a-fA-F-]{36}$/) });

/** A form with no fields, like the page's cancel button. */
export const emptyFormSchema = z.strictObject({});
