import type { ServiceKeys } from './auth';
import type { CallbackDelivery } from './callbacks';
import type { IdempotencyClaim } from './idempotency';
import type { NotificationFilter } from './list-filter';
import type { ApiKeyRecord, Notification, NotificationStatus, NotifyService, TemplateVersion } from './model';

/** Storage the notifications service needs; DynamoDB adapters in store/ implement it. */

export interface NotifyDirectory {
  getService(serviceId: string): Promise<NotifyService | undefined>;
  /** The service with all its keys, revoked ones included. */
  findServiceWithKeys(serviceId: string): Promise<ServiceKeys | undefined>;
  putService(service: NotifyService): Promise<void>;
  putApiKey(key: ApiKeyRecord): Promise<void>;
  getApiKey(serviceId: string, keyId: string): Promise<ApiKeyRecord | undefined>;
  /** The latest version, or the given one. Archived templates are returned too; callers decide. */
  getTemplate(serviceId: string, templateId: string, version?: number): Promise<TemplateVersion | undefined>;
  /** The latest version of each of the service's templates. */
  listTemplates(serviceId: string): Promise<TemplateVersion[]>;
  /** Stores a new version; false when that version number already exists. */
  saveTemplateVersion(template: TemplateVersion): Promise<boolean>;
}

export interface NotificationPage {
  readonly items: readonly Notification[];
  readonly hasMore: boolean;
}

export interface NotificationStore {
  /** Stores a new notification; fails if the id exists. */
  create(notification: Notification): Promise<void>;
  get(id: string): Promise<Notification | undefined>;
  /** Replaces a notification if its status is still `expectedStatus`; false when it moved meanwhile. */
  replace(notification: Notification, expectedStatus: NotificationStatus): Promise<boolean>;
  /** Newest first; `olderThan` is a notification of the same service the page starts after. */
  list(serviceId: string, filter: NotificationFilter, limit: number, olderThan?: Notification): Promise<NotificationPage>;
}

export interface WorkStore {
  /** Adds one to a counter and returns its new value. */
  incrementCounter(name: string, expiresAt: number): Promise<number>;
  readCounter(name: string): Promise<number>;
  getIdempotencyClaim(scope: string): Promise<IdempotencyClaim | undefined>;
  /** Claims a key unless a live claim exists; false when another request holds it. */
  claimIdempotencyKey(scope: string, claim: IdempotencyClaim, nowSeconds: number): Promise<boolean>;
  /** Drops a claim whose request failed, so a corrected retry is not refused. */
  releaseIdempotencyKey(scope: string, notificationId: string): Promise<void>;
  saveCallback(delivery: CallbackDelivery): Promise<void>;
  /** Pending callback deliveries due at or before `now`, oldest first. */
  dueCallbacks(now: Date, limit: number): Promise<CallbackDelivery[]>;
}
