import * as z from 'zod';
import { emailAddressSchema } from '../../shared/email-address';
import { LANGUAGES, PAYMENT_STATUSES } from './model';

/**
 * Request schemas of Pay's v1 API, written once for handlers, routes and the OpenAPI document.
 * Amounts are Hong Kong dollar cents, with Pay's limit of 10,000,000. Unknown fields are refused.
 * The messages are Pay's: errors.ts answers a value of the wrong JSON type with 400, a value
 * out of its range or format with 422, and a blank mandatory string as missing (P0101).
 */
export const MAX_AMOUNT = 10_000_000;

/** Pay's words for a value of the wrong JSON type. */
export const TYPE_MESSAGES = {
  string: 'Must be a valid string format',
  number: 'Must be a valid numeric format',
  boolean: 'Must be true or false',
} as const;

/** The message of a mandatory string sent blank: Pay answers it as a missing attribute. */
export const BLANK = 'Must not be blank';

const text = (max: number) =>
  z
    .string({ error: TYPE_MESSAGES.string })
    .regex(/\S/, { error: BLANK })
    .max(max, { error: `Must be less than or equal to ${max} characters length` });

const cents = (min: number) =>
  z
    .number({ error: TYPE_MESSAGES.number })
    .int({ error: TYPE_MESSAGES.number })
    .min(min, { error: `Must be greater than or equal to ${min}` })
    .max(MAX_AMOUNT, { error: `Must be less than or equal to ${MAX_AMOUNT}` });

/**
 * Pay's metadata rules (its published limits: 1 to 15 pairs; keys of 1 to 30 characters, unique
 * whatever their case; values strings of up to 100 characters, numbers or booleans, never null).
 * `__proto__` is the one key refused beyond Pay's: a JavaScript object cannot hold it as a field.
 */
export const METADATA_LIMITS = { minPairs: 1, maxPairs: 15, maxKeyLength: 30, maxValueLength: 100 } as const;
const { minPairs, maxPairs, maxKeyLength, maxValueLength } = METADATA_LIMITS;
const KEY_MESSAGE = `Keys must be between 1 and ${maxKeyLength} characters long`;
const RESERVED_KEY = '__proto__';

const metadataKey = z
  .string()
  .min(1, { error: KEY_MESSAGE })
  .max(maxKeyLength, { error: KEY_MESSAGE })
  .meta({ not: { const: RESERVED_KEY } });

const metadataValue = z.union(
  [z.string().max(maxValueLength, { error: `Values must be no greater than ${maxValueLength} characters long` }), z.number(), z.boolean()],
  { error: (issue) => (issue.input === null ? 'Must not have null values' : 'Values must be of type String, Boolean or Number') },
);

const metadataRecord = z
  .record(metadataKey, metadataValue, {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? KEY_MESSAGE
        : issue.input === null
          ? 'Value must not be null'
          : 'Must be an object of JSON key-value pairs',
  })
  .refine((m) => Object.keys(m).length >= minPairs, { error: `Must have at least ${minPairs} key-value pair` })
  .refine((m) => Object.keys(m).length <= maxPairs, { error: `Cannot have more than ${maxPairs} key-value pairs` })
  .refine((m) => new Set(Object.keys(m).map((k) => k.toLowerCase())).size === Object.keys(m).length, {
    error: 'Must have case insensitive unique keys',
  })
  .meta({ minProperties: minPairs, maxProperties: maxPairs });

/** zod leaves a `__proto__` key out of what it reads: refuse it rather than drop it. */
const metadata = z.preprocess((value, ctx) => {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, RESERVED_KEY)) {
    ctx.addIssue({ code: 'custom', message: `Keys must not be ${RESERVED_KEY}`, input: value });
  }
  return value;
}, metadataRecord);

const prefilledText = (max: number) =>
  z
    .string({ error: TYPE_MESSAGES.string })
    .max(max, { error: `Must be less than or equal to ${max} characters length` })
    .nullish();

/**
 * Pay's `prefilled_cardholder_details`. The name is prefilled on the payment page; the page asks
 * for no billing address, so a prefilled one is read and not used, as Pay does for a service that
 * does not collect addresses.
 */
const prefilledCardholderDetails = z.strictObject({
  cardholder_name: prefilledText(255),
  billing_address: z
    .strictObject({
      line1: prefilledText(255),
      line2: prefilledText(255),
      postcode: prefilledText(25),
      city: prefilledText(255),
      country: prefilledText(255),
    })
    .nullish(),
});

export const createPaymentRequestSchema = z.strictObject({
  amount: cents(1),
  reference: text(255),
  description: text(255),
  return_url: z.url({ protocol: /^https?$/, error: 'Must be a valid URL format' }).max(2000, {
    error: 'Must be less than or equal to 2000 characters length',
  }),
  // Pay reads a null email as none.
  email: emailAddressSchema({
    invalid: 'Must be a valid email address',
    tooLong: 'Must be less than or equal to 254 characters length',
  }).nullish(),
  prefilled_cardholder_details: prefilledCardholderDetails.nullish(),
  metadata: metadata.optional(),
  delayed_capture: z.boolean({ error: TYPE_MESSAGES.boolean }).optional(),
  // Pay refuses MOTO payments on an account not enabled for them (P0196).
  moto: z.boolean({ error: TYPE_MESSAGES.boolean }).optional(),
  // Payments are taken on the payment page only: Pay's `web` mode.
  authorisation_mode: z.enum(['web'], { error: 'Must be web: payments are taken on the payment page' }).optional(),
  language: z.enum(LANGUAGES, { error: `Must be one of ${LANGUAGES.join(', ')}` }).optional(),
});
export type CreatePaymentRequest = z.output<typeof createPaymentRequestSchema>;

/**
 * Pay's `Idempotency-Key`: 1 to 255 letters, digits and hyphens. The same key and body within
 * 24 hours answer with the payment the first request made.
 */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(MAX_IDEMPOTENCY_KEY_LENGTH)
  .regex(/^[a-zA-Z0-9-]+$/);

/** A search parameter sent empty is not sent, as in Pay (and the document says an empty one is accepted). */
const searchParam = <S extends z.ZodType>(schema: S) =>
  z
    .union([z.literal(''), schema])
    .optional()
    .transform((value) => (value === '' ? undefined : (value as z.output<S> | undefined)))
    .optional();
const searchText = (max: number) => searchParam(z.string().max(max));
/** A number is digits only, as in Pay (not `1e2`, `0x10` or ` 1`). */
const whole = (max: number) =>
  searchParam(
    z.preprocess((value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value), z.number().int().min(1).max(max)),
  );
const dateTime = searchParam(z.iso.datetime({ offset: true }));
const digits = (count: number) => searchParam(z.string().regex(new RegExp(`^\\d{${count}}$`)));

/** The longest page a search answers, and what it answers without `display_size`. */
export const MAX_PAGE_SIZE = 500;

/**
 * Pay's search parameters, in the order Pay checks them (so that a P0401 names the bad ones in
 * Pay's order), with Pay's rules: `card_brand` up to 20 characters (matched without regard to
 * case or punctuation, so `master-card` finds Mastercard), `first_digits_card_number` six
 * digits, `last_digits_card_number` four, `cardholder_name` any part of the name.
 */
export const searchPaymentsQuerySchema = z.strictObject({
  state: searchParam(z.enum(PAYMENT_STATUSES)),
  reference: searchText(255),
  email: searchText(254),
  card_brand: searchText(20),
  from_date: dateTime,
  to_date: dateTime,
  page: whole(1_000_000),
  display_size: whole(MAX_PAGE_SIZE),
  first_digits_card_number: digits(6),
  last_digits_card_number: digits(4),
  cardholder_name: searchText(255),
});
export type SearchPaymentsQuery = z.output<typeof searchPaymentsQuerySchema>;

/** Pay's refund request: `refund_amount_available`, when sent, must be what is available (412 otherwise). */
export const createRefundRequestSchema = z.strictObject({
  amount: cents(1),
  refund_amount_available: cents(0).optional(),
});
export type CreateRefundRequest = z.output<typeof createRefundRequestSchema>;

/** A refund body as the use case receives it: read, or what is wrong with it. */
export type RefundBody =
  | { readonly ok: true; readonly request: CreateRefundRequest }
  | { readonly ok: false; readonly issues: readonly z.core.$ZodIssue[]; readonly input: unknown };

/**
 * The refund route's body. Pay finds the payment first, so an unknown payment is 404 (P0600)
 * whatever the body: a body the schema refuses reaches the use case as its issues, to answer
 * once the payment is found. The OpenAPI document shows `createRefundRequestSchema` itself
 * (toJSONSchema asks the fallback for a constant without a context; throwing says there is none).
 */
export const refundBodySchema = createRefundRequestSchema
  .transform((request): RefundBody => ({ ok: true, request }))
  .catch((context) => {
    if (context === undefined) throw new Error('A refund body has no constant fallback');
    return { ok: false, issues: context.error.issues, input: context.input };
  });

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
