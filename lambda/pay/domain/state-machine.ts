import type { PaymentState, PaymentStatus } from './model';

/**
 * Pay's payment lifecycle. created → started when the user opens `next_url` → submitted when
 * the provider authorises the card → success when the user confirms (or capturable, for a
 * delayed capture, until the service captures). Declines, user cancels and expiry end in
 * failed; a cancel by the service in cancelled; a provider fault in error. success, failed,
 * cancelled and error are final.
 */
export const PAYMENT_EVENTS = [
  'start',
  'authorise',
  'decline',
  'authorisation_error',
  'confirm',
  'capture',
  'cancel_by_service',
  'cancel_by_user',
  'expire',
] as const;
export type PaymentEvent = (typeof PAYMENT_EVENTS)[number];

export const FINAL_STATUSES: ReadonlySet<PaymentStatus> = new Set(['success', 'failed', 'cancelled', 'error']);
/** A service may cancel until the money is taken. */
export const CANCELLABLE_STATUSES: ReadonlySet<PaymentStatus> = new Set(['created', 'started', 'submitted', 'capturable']);
/** Unfinished payments fail with P0020 this long after creation. */
export const EXPIRY_MINUTES = 90;

const failure = (code: string, message: string): PaymentState => ({ status: 'failed', finished: true, code, message });
const REJECTED = failure('P0010', 'Payment method rejected');
const EXPIRED = failure('P0020', 'Payment expired');
const CANCELLED_BY_USER = failure('P0030', 'Payment was cancelled by the user');
const CANCELLED_BY_SERVICE: PaymentState = {
  status: 'cancelled',
  finished: true,
  code: 'P0040',
  message: 'Payment was cancelled by the service',
};
const PROVIDER_ERROR: PaymentState = { status: 'error', finished: true, code: 'P0050', message: 'Payment provider returned an error' };
const plain = (status: PaymentStatus): PaymentState => ({ status, finished: FINAL_STATUSES.has(status) });

type Table = Partial<Record<PaymentEvent, PaymentState | ((delayedCapture: boolean) => PaymentState)>>;

const TRANSITIONS: Record<PaymentStatus, Table> = {
  created: { start: plain('started'), cancel_by_service: CANCELLED_BY_SERVICE, expire: EXPIRED },
  started: {
    authorise: plain('submitted'),
    decline: REJECTED,
    authorisation_error: PROVIDER_ERROR,
    cancel_by_user: CANCELLED_BY_USER,
    cancel_by_service: CANCELLED_BY_SERVICE,
    expire: EXPIRED,
  },
  submitted: {
    confirm: (delayed) => plain(delayed ? 'capturable' : 'success'),
    // The provider failed while completing (taking the money): nothing was taken.
    authorisation_error: PROVIDER_ERROR,
    cancel_by_user: CANCELLED_BY_USER,
    cancel_by_service: CANCELLED_BY_SERVICE,
    expire: EXPIRED,
  },
  capturable: { capture: plain('success'), cancel_by_service: CANCELLED_BY_SERVICE },
  success: {},
  failed: {},
  cancelled: {},
  error: {},
};

/** The state an event leads to, or undefined when the event is not allowed now. */
export function transition(state: PaymentState, event: PaymentEvent, delayedCapture: boolean): PaymentState | undefined {
  const next = TRANSITIONS[state.status][event];
  return typeof next === 'function' ? next(delayedCapture) : next;
}

export function isFinished(status: PaymentStatus): boolean {
  return FINAL_STATUSES.has(status);
}

/** Whether an unfinished payment has outlived its time. */
export function isExpired(status: PaymentStatus, createdDate: string, now: Date): boolean {
  return !isFinished(status) && status !== 'capturable' && now.getTime() - Date.parse(createdDate) >= EXPIRY_MINUTES * 60_000;
}

export const INITIAL_STATE: PaymentState = plain('created');
