import type { IdempotencyStore } from '../shared/idempotency';
import type { OutboxStore } from '../shared/outbox';
import type { PostSender } from '../shared/outgoing-post';
import type { SecretBox } from '../shared/sealed-secret';
import type { ServiceKeys } from './domain/auth';
import type { CallbackDelivery } from './domain/callbacks';
import type { NotificationFilter } from './domain/list-filter';
import type { ApiKeyRecord, Notification, NotificationStatus, NotifyService, TemplateVersion } from './domain/model';

/** Everything the use cases reach outside themselves, passed in so tests can choose. */
export interface NotifyPorts {
  readonly directory: NotifyDirectory;
  readonly notifications: NotificationStore;
  readonly counters: CounterStore;
  /** `Idempotency-Key` claims on sending. */
  readonly idempotency: IdempotencyStore;
  /** Delivery receipts waiting to be posted to departments. */
  readonly callbacks: OutboxStore<CallbackDelivery>;
  readonly provider: DeliveryProvider;
  readonly box: SecretBox;
  readonly http: HttpSender;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** Services, their API keys and their templates: what departments configure. */
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

export interface NotificationStore {
  /** Stores a new notification; fails if the id exists. */
  create(notification: Notification): Promise<void>;
  get(id: string): Promise<Notification | undefined>;
  /** Replaces a notification if its status is still `expectedStatus`; false when it moved meanwhile. */
  replace(notification: Notification, expectedStatus: NotificationStatus): Promise<boolean>;
  /**
   * Up to `limit` of the service's notifications the filter admits, newest first; `olderThan` is
   * a notification of the same service the page starts after.
   */
  list(serviceId: string, filter: NotificationFilter, limit: number, olderThan?: Notification): Promise<Notification[]>;
}

/** Rate and daily counters, each expiring by TTL. */
export interface CounterStore {
  /** Adds one to a counter and returns its new value. */
  incrementCounter(name: string, expiresAt: number): Promise<number>;
  readCounter(name: string): Promise<number>;
}

/**
 * What delivers a message. SES and SNS adapters implement it in AWS; local mode and tests use
 * the recording provider. A provider that throws leaves the notification in technical-failure.
 */
export interface DeliveryProvider {
  sendEmail(message: EmailMessage): Promise<ProviderReceipt>;
  sendSms(message: SmsMessage): Promise<ProviderReceipt>;
}

export interface EmailMessage {
  readonly notificationId: string;
  readonly to: string;
  readonly from: string;
  readonly replyTo?: string;
  readonly subject: string;
  readonly body: string;
  readonly html: string;
  readonly oneClickUnsubscribeUrl?: string;
}

export interface SmsMessage {
  readonly notificationId: string;
  /** E.164. */
  readonly to: string;
  readonly sender: string;
  readonly body: string;
}

export interface ProviderReceipt {
  /** The provider's id of the message, to match its delivery events later. */
  readonly providerReference: string;
  /** The final outcome, for providers that know it at once (the recording provider in local mode). */
  readonly outcome?: 'delivered' | 'permanent-failure' | 'temporary-failure';
}

/** Sends a request to a department and answers its HTTP status; rejects when there is no answer. */
export type HttpSender = PostSender;

/** What a handler knows about the request beyond its body. */
export interface RequestOptions {
  /** Public root of this service, like `https://api.example.gov.hk/notify`; links are built under it. */
  readonly baseUrl: string;
}

export interface SendOptions extends RequestOptions {
  /** The `Idempotency-Key` header, when sent. */
  readonly idempotencyKey?: string;
}

/** What a use case answers: the status and Notify's body. */
export interface ServiceResult<T> {
  readonly statusCode: number;
  readonly body: T;
}
