import type { ApiKeyType, FilterableStatus, NotificationStatus, NotificationType, TemplateType } from './model';
import type { ListNotificationsQuery } from './schemas';

/** Notify pages lists 250 at a time. */
export const PAGE_SIZE = 250;

/** `failed` is Notify's shorthand for every failure status. */
const FAILED: readonly NotificationStatus[] = ['technical-failure', 'temporary-failure', 'permanent-failure'];

export interface NotificationFilter {
  readonly types?: ReadonlySet<NotificationType>;
  readonly statuses?: ReadonlySet<NotificationStatus>;
  readonly reference?: string;
  /** Test keys see only test messages; live and team keys see everything else. */
  readonly testMessages: boolean;
}

export function notificationFilter(query: ListNotificationsQuery, keyType: ApiKeyType): NotificationFilter {
  const types = query.template_type?.filter((t: TemplateType): t is NotificationType => t !== 'letter');
  const statuses = query.status?.flatMap((s: FilterableStatus) => (s === 'failed' ? FAILED : [s as NotificationStatus]));
  return {
    types: types && new Set(types),
    statuses: statuses && new Set(statuses),
    reference: query.reference,
    testMessages: keyType === 'test',
  };
}

export function matchesFilter(
  filter: NotificationFilter,
  n: { type: NotificationType; status: NotificationStatus; reference: string | null; keyType: ApiKeyType },
): boolean {
  return (
    (filter.types === undefined || filter.types.has(n.type)) &&
    (filter.statuses === undefined || filter.statuses.has(n.status)) &&
    (filter.reference === undefined || n.reference === filter.reference) &&
    (n.keyType === 'test') === filter.testMessages
  );
}
