import { type PostSender, postSender } from '../../shared/outgoing-post';
import type { SecretBox } from '../../shared/sealed-secret';
import type { NotificationStore, NotifyDirectory, WorkStore } from '../domain/ports';
import type { DeliveryProvider } from '../domain/provider';

/** Sends a request to a department and answers its HTTP status; rejects when there is no answer. */
export type HttpSender = PostSender;

/** Everything the service functions reach outside themselves, passed in so tests can choose. */
export interface NotifyPorts {
  readonly directory: NotifyDirectory;
  readonly notifications: NotificationStore;
  readonly work: WorkStore;
  readonly provider: DeliveryProvider;
  readonly box: SecretBox;
  readonly http: HttpSender;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** What a handler knows about the request beyond its body. */
export interface RequestOptions {
  /** Public root of this service, like `https://api.example.gov.hk/notify`; links are built under it. */
  readonly baseUrl: string;
}

export interface SendOptions extends RequestOptions {
  /** The `Idempotency-Key` header, when sent. */
  readonly idempotencyKey?: string;
}

/** A successful outcome as a handler returns it. */
export interface ServiceResult<T> {
  readonly statusCode: number;
  readonly body: T;
}

/** Callbacks get 10 seconds to answer. */
export const fetchSender: HttpSender = postSender(10_000);
