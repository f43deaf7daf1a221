import { emailBodyToHtml } from './email-html';
import type { Notification, TemplateVersion } from './model';
import type {
  NotificationListResponse,
  NotificationResponse,
  PostEmailResponse,
  PostSmsResponse,
  ReceivedTextListResponse,
  ReceivedTextResponse,
  TemplatePreviewResponse,
  TemplateRef,
  TemplateResponse,
} from './response-schemas';
import type { ListNotificationsQuery } from './schemas';
import { placeholderNames, type RenderedTemplate } from './template';

/**
 * Response bodies shaped exactly as Notify's v2 API returns them (their schemas are in
 * response-schemas.ts). `baseUrl` is the public root of this service as the caller reached it
 * (like `https://notify.example.gov.hk`, or `https://api.example.gov.hk/notify`), under which
 * `/v2/...` lives.
 */

/** Notify's timestamps: ISO 8601 in UTC with microseconds, `2024-05-17T15:58:38.342000Z`. */
export function notifyTimestamp(iso: string): string {
  const date = new Date(iso);
  return `${date.toISOString().slice(0, 23)}000Z`;
}

function templateRef(notification: Notification, baseUrl: string): TemplateRef {
  return {
    id: notification.templateId,
    version: notification.templateVersion,
    uri: `${baseUrl}/v2/template/${notification.templateId}/version/${notification.templateVersion}`,
  };
}

export function postEmailResponse(notification: Notification, baseUrl: string): PostEmailResponse {
  return {
    id: notification.id,
    reference: notification.reference,
    content: {
      body: notification.body,
      subject: notification.subject ?? '',
      from_email: notification.fromEmail ?? '',
      ...(notification.oneClickUnsubscribeUrl ? { one_click_unsubscribe_url: notification.oneClickUnsubscribeUrl } : {}),
    },
    uri: `${baseUrl}/v2/notifications/${notification.id}`,
    template: templateRef(notification, baseUrl),
    scheduled_for: null,
  };
}

export function postSmsResponse(notification: Notification, baseUrl: string): PostSmsResponse {
  return {
    id: notification.id,
    reference: notification.reference,
    content: { body: notification.body, from_number: notification.fromNumber ?? '' },
    uri: `${baseUrl}/v2/notifications/${notification.id}`,
    template: templateRef(notification, baseUrl),
    scheduled_for: null,
  };
}

export function notificationResponse(notification: Notification, baseUrl: string): NotificationResponse {
  const email = notification.type === 'email';
  return {
    id: notification.id,
    reference: notification.reference,
    email_address: email ? notification.to : null,
    phone_number: email ? null : notification.to,
    line_1: null,
    line_2: null,
    line_3: null,
    line_4: null,
    line_5: null,
    line_6: null,
    postcode: null,
    postage: null,
    type: notification.type,
    status: notification.status,
    template: templateRef(notification, baseUrl),
    body: notification.body,
    subject: email ? (notification.subject ?? null) : null,
    created_at: notifyTimestamp(notification.createdAt),
    created_by_name: null,
    sent_at: notification.sentAt && notifyTimestamp(notification.sentAt),
    completed_at: notification.completedAt && notifyTimestamp(notification.completedAt),
    scheduled_for: null,
    ...(email ? { one_click_unsubscribe: notification.oneClickUnsubscribeUrl ?? null } : {}),
    // No tariff is configured, so no cost is claimed; the fragment count is known for texts.
    is_cost_data_ready: false,
    cost_details: email ? {} : { billable_sms_fragments: notification.billableSmsFragments ?? 1, international_rate_multiplier: 1 },
  };
}

/**
 * A page of notifications with Notify's links: `current` repeats the query, and `next`, given
 * whenever the page is not empty (as Notify gives it), asks for those older than the page's
 * last; the page after the last is empty and has none. Notify's clients page by following `next`
 * until a page is empty; the Python client takes the first UUID in the link for `older_than`, so
 * the links name it first, before a reference that may be a UUID too.
 */
export function notificationListResponse(
  notifications: readonly Notification[],
  query: ListNotificationsQuery,
  baseUrl: string,
): NotificationListResponse {
  const link = (olderThan: string | undefined) => {
    const params = new URLSearchParams();
    if (olderThan) params.append('older_than', olderThan);
    for (const type of query.template_type ?? []) params.append('template_type', type);
    for (const status of query.status ?? []) params.append('status', status);
    if (query.reference !== undefined) params.append('reference', query.reference);
    if (query.include_jobs !== undefined) params.append('include_jobs', query.include_jobs);
    const search = params.toString();
    return `${baseUrl}/v2/notifications${search ? `?${search}` : ''}`;
  };
  const last = notifications.at(-1);
  return {
    notifications: notifications.map((n) => notificationResponse(n, baseUrl)),
    links: { current: link(query.older_than), ...(last ? { next: link(last.id) } : {}) },
  };
}

/** A page of received text messages, linked as Notify links them: `next` whenever the page is not empty. */
export function receivedTextListResponse(messages: readonly ReceivedTextResponse[], baseUrl: string): ReceivedTextListResponse {
  const current = `${baseUrl}/v2/received-text-messages`;
  const last = messages.at(-1);
  return {
    received_text_messages: [...messages],
    links: { current, ...(last ? { next: `${current}?${new URLSearchParams({ older_than: last.id })}` } : {}) },
  };
}

export function templateResponse(template: TemplateVersion): TemplateResponse {
  return {
    id: template.id,
    name: template.name,
    type: template.type,
    created_at: notifyTimestamp(template.createdAt),
    updated_at: template.updatedAt && notifyTimestamp(template.updatedAt),
    created_by: template.createdBy,
    version: template.version,
    body: template.body,
    subject: template.type === 'email' ? (template.subject ?? null) : null,
    letter_contact_block: null,
    personalisation: Object.fromEntries(placeholderNames(template).map((name) => [name, { required: true }])),
  };
}

export function templatePreviewResponse(template: TemplateVersion, rendered: RenderedTemplate): TemplatePreviewResponse {
  return {
    id: template.id,
    type: template.type,
    version: template.version,
    body: rendered.body,
    subject: rendered.subject ?? null,
    html: template.type === 'email' ? emailBodyToHtml(rendered.body) : null,
  };
}
