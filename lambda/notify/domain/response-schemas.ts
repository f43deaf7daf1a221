import * as z from 'zod';
import { SMS_STATUSES } from './model';

/**
 * The bodies the API answers with, as Notify's v2 API shapes them, written once: the types the
 * response builders (responses.ts) return, and the responses the OpenAPI document declares.
 * Objects are strict, so a field the builders add without declaring it fails the tests.
 */

const timestamp = z.iso.datetime();
const link = z.url();
const id = z.guid();
/** This service sends e-mail and text messages; Notify's letters are refused. */
const sentType = z.enum(['email', 'sms']);

export const templateRefSchema = z.strictObject({ id, version: z.int().min(1), uri: link });
export type TemplateRef = z.output<typeof templateRefSchema>;

export const postEmailResponseSchema = z.strictObject({
  id,
  reference: z.string().nullable(),
  content: z.strictObject({
    body: z.string(),
    subject: z.string(),
    from_email: z.string(),
    one_click_unsubscribe_url: link.optional(),
  }),
  uri: link,
  template: templateRefSchema,
  scheduled_for: z.null(),
});
export type PostEmailResponse = z.output<typeof postEmailResponseSchema>;

export const postSmsResponseSchema = z.strictObject({
  id,
  reference: z.string().nullable(),
  content: z.strictObject({ body: z.string(), from_number: z.string() }),
  uri: link,
  template: templateRefSchema,
  scheduled_for: z.null(),
});
export type PostSmsResponse = z.output<typeof postSmsResponseSchema>;

export const notificationResponseSchema = z.strictObject({
  id,
  reference: z.string().nullable(),
  email_address: z.string().nullable(),
  phone_number: z.string().nullable(),
  line_1: z.null(),
  line_2: z.null(),
  line_3: z.null(),
  line_4: z.null(),
  line_5: z.null(),
  line_6: z.null(),
  postcode: z.null(),
  postage: z.null(),
  type: sentType,
  status: z.enum(SMS_STATUSES),
  template: templateRefSchema,
  body: z.string(),
  subject: z.string().nullable(),
  created_at: timestamp,
  created_by_name: z.null(),
  sent_at: timestamp.nullable(),
  completed_at: timestamp.nullable(),
  scheduled_for: z.null(),
  /** E-mail only. */
  one_click_unsubscribe: link.nullable().optional(),
  is_cost_data_ready: z.boolean(),
  cost_details: z.strictObject({
    billable_sms_fragments: z.int().min(1).optional(),
    international_rate_multiplier: z.number().optional(),
  }),
});
export type NotificationResponse = z.output<typeof notificationResponseSchema>;

/** Notify's page links: `next` on every page that is not empty. */
const pageLinks = z.strictObject({ current: link, next: link.optional() });

export const notificationListResponseSchema = z.strictObject({
  notifications: z.array(notificationResponseSchema),
  links: pageLinks,
});
export type NotificationListResponse = z.output<typeof notificationListResponseSchema>;

export const receivedTextResponseSchema = z.strictObject({
  id,
  user_number: z.string(),
  notify_number: z.string(),
  content: z.string(),
  created_at: timestamp,
  service_id: id,
});
export type ReceivedTextResponse = z.output<typeof receivedTextResponseSchema>;

export const receivedTextListResponseSchema = z.strictObject({
  received_text_messages: z.array(receivedTextResponseSchema),
  links: pageLinks,
});
export type ReceivedTextListResponse = z.output<typeof receivedTextListResponseSchema>;

export const templateResponseSchema = z.strictObject({
  id,
  name: z.string(),
  type: sentType,
  created_at: timestamp,
  updated_at: timestamp.nullable(),
  created_by: z.string(),
  version: z.int().min(1),
  body: z.string(),
  subject: z.string().nullable(),
  letter_contact_block: z.null(),
  personalisation: z.record(z.string(), z.strictObject({ required: z.boolean() })),
});
export type TemplateResponse = z.output<typeof templateResponseSchema>;

export const templateListResponseSchema = z.strictObject({ templates: z.array(templateResponseSchema) });
export type TemplateListResponse = z.output<typeof templateListResponseSchema>;

export const templatePreviewResponseSchema = z.strictObject({
  id,
  type: sentType,
  version: z.int().min(1),
  body: z.string(),
  subject: z.string().nullable(),
  html: z.string().nullable(),
});
export type TemplatePreviewResponse = z.output<typeof templatePreviewResponseSchema>;
