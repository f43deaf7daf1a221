import type { NotifyCaller } from '../domain/auth';
import { noResultFound } from '../domain/errors';
import { notificationFilter, PAGE_SIZE } from '../domain/list-filter';
import type { Notification } from '../domain/model';
import {
  type NotificationListResponse,
  type NotificationResponse,
  notificationListResponse,
  notificationResponse,
} from '../domain/responses';
import { type ListNotificationsQuery, notificationIdSchema } from '../domain/schemas';
import { parseNotify } from '../domain/validation';
import type { NotifyPorts, RequestOptions, ServiceResult } from './ports';

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
  const filter = notificationFilter(query, caller.apiKey.type);
  let olderThan: Notification | undefined;
  if (query.older_than !== undefined) {
    olderThan = await visible(query.older_than, caller, ports);
    // As in Notify, paging from an unknown or expired notification gives an empty page.
    if (!olderThan) return { statusCode: 200, body: notificationListResponse([], query, options.baseUrl, false) };
  }
  const page = await ports.notifications.list(caller.service.id, filter, PAGE_SIZE, olderThan);
  const nowSeconds = ports.clock().getTime() / 1000;
  const live = page.items.filter((n) => n.expiresAt > nowSeconds);
  return { statusCode: 200, body: notificationListResponse(live, query, options.baseUrl, page.hasMore) };
}

async function visible(id: string, caller: NotifyCaller, ports: NotifyPorts): Promise<Notification | undefined> {
  const notification = await ports.notifications.get(id.toLowerCase());
  if (!notification || notification.serviceId !== caller.service.id) return undefined;
  if (notification.expiresAt <= ports.clock().getTime() / 1000) return undefined;
  return notification;
}
