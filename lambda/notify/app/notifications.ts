import { createIdempotently } from '../../shared/idempotency';
import type { NotifyCaller } from '../domain/auth';
import { NOTIFY_IDEMPOTENCY, NOTIFY_IDEMPOTENCY_REFUSALS } from '../domain/idempotency';
import { notificationFilter, PAGE_SIZE } from '../domain/list-filter';
import type { Notification, NotificationType, NotifyService, TemplateVersion } from '../domain/model';
import { checkDailyLimit, checkRateLimit, countsTowardsDailyLimit, dayCounterExpiry, limitDay, rateWindow } from '../domain/rate-limit';
import { normaliseEmailAddress, parsePhoneNumber } from '../domain/recipients';
import type { NotificationListResponse, NotificationResponse, PostEmailResponse, PostSmsResponse } from '../domain/response-schemas';
import { notificationListResponse, notificationResponse, postEmailResponse, postSmsResponse } from '../domain/responses';
import {
  type ListNotificationsQuery,
  notificationIdSchema,
  type SendEmailRequest,
  type SendLetterRequest,
  type SendSmsRequest,
} from '../domain/schemas';
import { checkInternationalSms, checkRecipientAllowed, refuseLetter } from '../domain/sending-policy';
import { SMS_CHARACTER_LIMIT, smsFragments } from '../domain/sms-length';
import { type RenderedTemplate, renderStrict } from '../domain/template';
import { parseNotify } from '../domain/validation';
import { badRequest, noResultFound } from '../errors';
import type { NotifyPorts, RequestOptions, SendOptions, ServiceResult } from '../ports';
import { deliver } from './delivery';

/**
 * Notifications: `POST /v2/notifications/email`, `/sms` and `/letter`, `GET /v2/notifications/{id}`
 * and `GET /v2/notifications`.
 *
 * Sending: the order of checks follows Notify: rate limit, recipient, template and
 * personalisation, who may be sent to, then the daily limit; a request refused at any step
 * changes nothing but the rate counter. An `Idempotency-Key` retry returns the original
 * notification without counting again; once a notification is stored its key stays claimed,
 * so a retry finds it rather than sending again.
 */
export const MAX_EMAIL_BYTES = 2_000_000;
const SECONDS_PER_DAY = 24 * 3600;

export async function sendEmail(
  request: SendEmailRequest,
  caller: NotifyCaller,
  ports: NotifyPorts,
  options: SendOptions,
): Promise<ServiceResult<PostEmailResponse>> {
  const { service } = caller;
  const sent = await send('email', request, caller, ports, options, async () => {
    const to = normaliseEmailAddress(request.email_address);
    const template = await usableTemplate(service, request.template_id, 'email', ports);
    const rendered = renderStrict(template, request.personalisation);
    const bytes = Buffer.byteLength(rendered.body, 'utf8');
    if (bytes > MAX_EMAIL_BYTES) throw badRequest(`Emails cannot be longer than ${MAX_EMAIL_BYTES} bytes. Your message is ${bytes} bytes.`);
    const replyTo = pick(service.emailReplyTo, request.email_reply_to_id, 'email_reply_to_id', service.id)?.emailAddress;
    checkRecipientAllowed(service, caller.apiKey.type, to);
    return {
      template,
      rendered,
      to: request.email_address.trim(),
      normalisedTo: to,
      fields: { fromEmail: service.emailFrom, replyTo, oneClickUnsubscribeUrl: request.one_click_unsubscribe_url },
    };
  });
  return { statusCode: 201, body: postEmailResponse(sent, options.baseUrl) };
}

export async function sendSms(
  request: SendSmsRequest,
  caller: NotifyCaller,
  ports: NotifyPorts,
  options: SendOptions,
): Promise<ServiceResult<PostSmsResponse>> {
  const { service } = caller;
  const sent = await send('sms', request, caller, ports, options, async () => {
    const phone = parsePhoneNumber(request.phone_number);
    const template = await usableTemplate(service, request.template_id, 'sms', ports);
    const rendered = renderStrict(template, request.personalisation);
    if (rendered.body.length > SMS_CHARACTER_LIMIT) {
      throw badRequest(
        `Text messages cannot be longer than ${SMS_CHARACTER_LIMIT} characters. Your message is ${rendered.body.length} characters.`,
      );
    }
    const sender = pick(service.smsSenders, request.sms_sender_id, 'sms_sender_id', service.id)?.sender ?? service.name;
    checkInternationalSms(service, phone.international);
    checkRecipientAllowed(service, caller.apiKey.type, phone.e164);
    return {
      template,
      rendered,
      to: request.phone_number.trim(),
      normalisedTo: phone.e164,
      fields: { fromNumber: sender, billableSmsFragments: smsFragments(rendered.body) },
    };
  });
  return { statusCode: 201, body: postSmsResponse(sent, options.baseUrl) };
}

/**
 * A letter, from a template or precompiled: counted against the key's rate as Notify counts
 * every send, then refused as Notify refuses a service without the letter permission.
 */
export async function sendLetter(_request: SendLetterRequest, caller: NotifyCaller, ports: NotifyPorts): Promise<never> {
  await countRequest(caller, ports.clock(), ports);
  return refuseLetter(caller.service);
}

interface Checked {
  readonly template: TemplateVersion;
  readonly rendered: RenderedTemplate;
  readonly to: string;
  readonly normalisedTo: string;
  readonly fields: Partial<Notification>;
}

/** Creates the notification under the request's Idempotency-Key, if any, and delivers it; a replay is answered as it is now. */
async function send(
  type: NotificationType,
  request: SendEmailRequest | SendSmsRequest,
  caller: NotifyCaller,
  ports: NotifyPorts,
  options: SendOptions,
  check: () => Promise<Checked>,
): Promise<Notification> {
  const { service, apiKey } = caller;
  const now = ports.clock();
  const { result, replayed } = await createIdempotently(ports.idempotency, NOTIFY_IDEMPOTENCY, NOTIFY_IDEMPOTENCY_REFUSALS, {
    key: options.idempotencyKey,
    owner: service.id,
    request: { type, ...request },
    now,
    newId: ports.newId,
    replay: async (id) => {
      const original = await ports.notifications.get(id);
      return original?.serviceId === service.id ? original : undefined;
    },
    create: async (id) => {
      await countRequest(caller, now, ports);
      const checked = await check();
      if (countsTowardsDailyLimit(apiKey.type)) {
        checkDailyLimit(
          service.dailyLimit,
          await ports.counters.incrementCounter(`DAY#${service.id}#${limitDay(now)}`, dayCounterExpiry(now)),
        );
      }
      const notification = newNotification(id, type, request, caller, checked, now);
      await ports.notifications.create(notification);
      return notification;
    },
  });
  // Delivered outside the claim: a failure now must not give up a key whose notification exists.
  return replayed ? result : deliver(result, service, ports);
}

/** Counts the request against its key's rolling minute, refusing it past the service's rate. */
async function countRequest({ service, apiKey }: NotifyCaller, now: Date, ports: NotifyPorts): Promise<void> {
  const window = rateWindow(now);
  const [currentCount, previousCount] = await Promise.all([
    ports.counters.incrementCounter(`RATE#${apiKey.id}#${window.start}`, Math.floor(window.start / 1000) + 180),
    ports.counters.readCounter(`RATE#${apiKey.id}#${window.previousStart}`),
  ]);
  checkRateLimit({ keyType: apiKey.type, limit: service.rateLimitPerMinute, window, currentCount, previousCount });
}

function newNotification(
  id: string,
  type: NotificationType,
  request: SendEmailRequest | SendSmsRequest,
  { service, apiKey }: NotifyCaller,
  checked: Checked,
  now: Date,
): Notification {
  return {
    id,
    serviceId: service.id,
    departmentCode: service.departmentCode,
    apiKeyId: apiKey.id,
    keyType: apiKey.type,
    type,
    templateId: checked.template.id,
    templateVersion: checked.template.version,
    to: checked.to,
    normalisedTo: checked.normalisedTo,
    reference: request.reference ?? null,
    body: checked.rendered.body,
    subject: checked.rendered.subject,
    status: 'created',
    createdAt: now.toISOString(),
    sentAt: null,
    completedAt: null,
    expiresAt: Math.floor(now.getTime() / 1000) + service.retentionDays * SECONDS_PER_DAY,
    ...checked.fields,
  };
}

async function usableTemplate(
  service: NotifyService,
  templateId: string,
  type: NotificationType,
  ports: NotifyPorts,
): Promise<TemplateVersion> {
  const template = await ports.directory.getTemplate(service.id, templateId);
  if (!template || template.archived) throw badRequest('Template not found');
  if (template.type !== type) throw badRequest(`${template.type} template is not suitable for ${type} notification`);
  return template;
}

function pick<T extends { readonly id: string; readonly isDefault: boolean }>(
  options: readonly T[],
  id: string | undefined,
  field: string,
  serviceId: string,
): T | undefined {
  if (id === undefined) return options.find((o) => o.isDefault) ?? options[0];
  const found = options.find((o) => o.id === id.toLowerCase());
  if (!found) throw badRequest(`${field} ${id} does not exist in database for service id ${serviceId}`);
  return found;
}

/**
 * `GET /v2/notifications/{id}` and `GET /v2/notifications`. A service sees only its own
 * notifications, and only within its retention period; another service's id is simply not found.
 */
export async function getNotification(
  id: string,
  caller: NotifyCaller,
  ports: NotifyPorts,
  options: RequestOptions,
): Promise<ServiceResult<NotificationResponse>> {
  const notification = await visible(parseNotify(notificationIdSchema, id), caller, ports);
  if (!notification) throw noResultFound();
  return { statusCode: 200, body: notificationResponse(notification, options.baseUrl) };
}

export async function listNotifications(
  query: ListNotificationsQuery,
  caller: NotifyCaller,
  ports: NotifyPorts,
  options: RequestOptions,
): Promise<ServiceResult<NotificationListResponse>> {
  const filter = notificationFilter(query, caller.apiKey.type, ports.clock());
  let olderThan: Notification | undefined;
  if (query.older_than !== undefined) {
    olderThan = await visible(query.older_than, caller, ports);
    // As in Notify, paging from an unknown or expired notification gives an empty page.
    if (!olderThan) return { statusCode: 200, body: notificationListResponse([], query, options.baseUrl) };
  }
  const page = await ports.notifications.list(caller.service.id, filter, PAGE_SIZE, olderThan);
  return { statusCode: 200, body: notificationListResponse(page, query, options.baseUrl) };
}

async function visible(id: string, caller: NotifyCaller, ports: NotifyPorts): Promise<Notification | undefined> {
  const notification = await ports.notifications.get(id.toLowerCase());
  if (!notification || notification.serviceId !== caller.service.id) return undefined;
  if (notification.expiresAt <= ports.clock().getTime() / 1000) return undefined;
  return notification;
}
