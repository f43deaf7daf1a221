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
  /** Epoch seconds: only notifications still within their retention then are listed. */
  readonly liveAt: number;
}

export function notificationFilter(query: ListNotificationsQuery, keyType: ApiKeyType, now: Date): NotificationFilter {
  const types = query.template_type?.filter((t: TemplateType): t is NotificationType => t !== 'letter');
  const statuses = query.status?.flatMap((s: FilterableStatus) => (s === 'failed' ? FAILED : [s as NotificationStatus]));
  return {
    types: types && new Set(types),
    statuses: statuses && new Set(statuses),
    reference: query.reference,
    testMessages: keyType === 'test',
    liveAt: Math.floor(now.getTime() / 1000),
  };
}
