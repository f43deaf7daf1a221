import type { OutgoingPost, PostSender } from './outgoing-post';

/**
 * Retried deliveries to departments' endpoints (Notify's status callbacks, Pay's webhooks),
 * written once: a delivery waits in an outbox until it is due, is POSTed, and is either
 * acknowledged (any 2xx), scheduled again after a back-off, or given up. The back-off is data.
 */

export interface RetryPolicy {
  /** Seconds before the first retry. */
  readonly firstDelaySeconds: number;
  /** Each further retry waits this many times as long as the one before. @default 2 */
  readonly factor?: number;
  /** The longest wait between two attempts, in seconds. @default - no cap */
  readonly maxDelaySeconds?: number;
  /** Give up after this many retries. @default - no limit */
  readonly maxRetries?: number;
  /** Give up once the next attempt would come later than this after the delivery was made, in seconds. @default - no limit */
  readonly giveUpAfterSeconds?: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'abandoned';

/** What the outbox tracks of every delivery; a service adds what it needs to build the request. */
export interface Delivery {
  readonly id: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** ISO time of the next attempt while pending. */
  readonly nextAttemptAt: string;
  readonly lastResponseStatus?: number;
  readonly createdAt: string;
}

/** A department acknowledges with any 2xx answer. */
export function acknowledged(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** Seconds to wait after the given number of failed attempts, or undefined to give up. */
export function retryDelaySeconds(policy: RetryPolicy, failedAttempts: number): number | undefined {
  if (failedAttempts < 1) return undefined;
  if (policy.maxRetries !== undefined && failedAttempts > policy.maxRetries) return undefined;
  const delay = policy.firstDelaySeconds * (policy.factor ?? 2) ** (failedAttempts - 1);
  return policy.maxDelaySeconds === undefined ? delay : Math.min(policy.maxDelaySeconds, delay);
}

/** The delivery after one attempt answered with `status` (undefined: no answer). */
export function afterAttempt<D extends Delivery>(delivery: D, status: number | undefined, now: Date, policy: RetryPolicy): D {
  const attempts = delivery.attempts + 1;
  if (acknowledged(status)) return { ...delivery, attempts, state: 'delivered', lastResponseStatus: status };
  const delay = retryDelaySeconds(policy, attempts);
  const next = delay === undefined ? undefined : now.getTime() + delay * 1000;
  const tooLate =
    next !== undefined &&
    policy.giveUpAfterSeconds !== undefined &&
    next - Date.parse(delivery.createdAt) > policy.giveUpAfterSeconds * 1000;
  if (next === undefined || tooLate) return { ...delivery, attempts, state: 'abandoned', lastResponseStatus: status };
  return { ...delivery, attempts, lastResponseStatus: status, nextAttemptAt: new Date(next).toISOString() };
}

/** Where deliveries wait: in AWS a sparse index of the service's table holds the pending ones. */
export interface OutboxStore<D extends Delivery> {
  save(delivery: D): Promise<void>;
  /** Pending deliveries due at `now`, oldest first, at most `limit`. */
  due(now: Date, limit: number): Promise<D[]>;
}

export interface DeliveryRun {
  readonly attempted: number;
  readonly delivered: number;
  readonly retrying: number;
  readonly abandoned: number;
}

export interface DispatchOptions<D extends Delivery> {
  readonly outbox: OutboxStore<D>;
  readonly policy: RetryPolicy;
  /** The request to send for a delivery, made when it is sent (current URL and credentials); undefined to give it up. */
  readonly request: (delivery: D) => Promise<OutgoingPost | undefined>;
  readonly send: PostSender;
  readonly clock: () => Date;
  /** @default 100 */
  readonly limit?: number;
}

/** Sends every delivery that is due and records each outcome. Run on a schedule (and by local mode). */
export async function dispatchDue<D extends Delivery>(options: DispatchOptions<D>): Promise<DeliveryRun> {
  const due = await options.outbox.due(options.clock(), options.limit ?? 100);
  const outcomes = await Promise.all(
    due.map(async (delivery) => {
      const request = await options.request(delivery);
      const next: D = request
        ? afterAttempt(
            delivery,
            await options.send(request).then(
              (response) => response.status,
              () => undefined,
            ),
            options.clock(),
            options.policy,
          )
        : { ...delivery, state: 'abandoned' };
      await options.outbox.save(next);
      return next;
    }),
  );
  return {
    attempted: outcomes.length,
    delivered: outcomes.filter((d) => d.state === 'delivered').length,
    retrying: outcomes.filter((d) => d.state === 'pending').length,
    abandoned: outcomes.filter((d) => d.state === 'abandoned').length,
  };
}

/** A new delivery, due now. */
export function newDelivery<E extends object>(id: string, now: Date, fields: E): E & Delivery {
  const at = now.toISOString();
  return { ...fields, id, state: 'pending', attempts: 0, nextAttemptAt: at, createdAt: at };
}
