import { requestFingerprint } from './request-fingerprint';

/**
 * `Idempotency-Key` for creating calls, written once for every service. The first request with
 * a key claims it (a conditional write) with a fingerprint of its request and the id of what it
 * creates; a retry with the same key and request within the window gets what the first one
 * created; the same key with another request is refused. Each service gives its window, the
 * keys it accepts and its refusals in its standard's words.
 *
 * Powertools' idempotency utility caches a handler's whole response; here a replay answers with
 * the resource as it is now (Notify and Pay answer a retried create with the current state), and
 * the claim lives in the service's own table beside what it guards, so it is written here.
 */

export interface IdempotencyPolicy {
  /** How long a key is remembered, in seconds. */
  readonly windowSeconds: number;
  /** The keys the service accepts. */
  readonly keyPattern: RegExp;
}

/** The service's answers, in its own words, to a request idempotency refuses. */
export interface IdempotencyRefusals {
  /** The key does not match the policy's pattern. */
  readonly invalidKey: () => Error;
  /** The key was used with another request within the window. */
  readonly reusedWithOtherRequest: () => Error;
  /** The request that claimed the key has not created its result yet. */
  readonly stillInProgress: () => Error;
}

export interface IdempotencyClaim {
  readonly fingerprint: string;
  /** Id of what the claiming request creates; known before it is stored. */
  readonly resultId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/** Where claims are kept: in AWS a conditional put on the service's table. */
export interface IdempotencyStore {
  /** The claim on a scoped key, live or expired, if one is stored. */
  get(scope: string): Promise<IdempotencyClaim | undefined>;
  /** Takes the key unless a live claim holds it; false if one does. */
  claim(scope: string, claim: IdempotencyClaim, nowSeconds: number): Promise<boolean>;
  /** Gives the key up, if `resultId` still holds it: the creation it guarded failed. */
  release(scope: string, resultId: string): Promise<void>;
}

export type IdempotencyDecision =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly resultId: string }
  | { readonly kind: 'reused-with-other-request' };

/** What to do with a request given the claim on its key: pure, for the domain's tests. */
export function decideIdempotency(claim: IdempotencyClaim | undefined, fingerprint: string, nowSeconds: number): IdempotencyDecision {
  if (!claim || claim.expiresAt <= nowSeconds) return { kind: 'new' };
  if (claim.fingerprint !== fingerprint) return { kind: 'reused-with-other-request' };
  return { kind: 'replay', resultId: claim.resultId };
}

export interface IdempotentCreate<T> {
  /** The `Idempotency-Key` header; without one the call simply creates. */
  readonly key: string | undefined;
  /** Whose key it is (a department's service or account): the same key of two owners never meets. */
  readonly owner: string;
  /** What identifies the request: a retry must send the same. */
  readonly request: unknown;
  readonly now: Date;
  readonly newId: () => string;
  /**
   * The result an earlier request with this key created, by its id, as it is now; undefined if
   * it is not (yet) there or not the owner's.
   */
  readonly replay: (resultId: string) => Promise<T | undefined>;
  /** Creates the result under `id`. If it throws, the key is given up and a retry creates again. */
  readonly create: (id: string) => Promise<T>;
}

export interface IdempotentOutcome<T> {
  readonly result: T;
  /** True when the result is an earlier request's. */
  readonly replayed: boolean;
}

/** The key, checked against the policy, scoped by its owner; undefined without a key. */
export function scopedKey(policy: IdempotencyPolicy, refusals: IdempotencyRefusals, owner: string, key: string | undefined) {
  if (key === undefined) return undefined;
  if (!policy.keyPattern.test(key)) throw refusals.invalidKey();
  return `${owner}#${key}`;
}

/** Runs a creating call under its `Idempotency-Key`. */
export async function createIdempotently<T>(
  store: IdempotencyStore,
  policy: IdempotencyPolicy,
  refusals: IdempotencyRefusals,
  call: IdempotentCreate<T>,
): Promise<IdempotentOutcome<T>> {
  const scope = scopedKey(policy, refusals, call.owner, call.key);
  if (scope === undefined) return { result: await call.create(call.newId()), replayed: false };
  const nowSeconds = Math.floor(call.now.getTime() / 1000);
  const fingerprint = requestFingerprint(call.request);
  const earlier = async (): Promise<IdempotentOutcome<T> | undefined> => {
    const decision = decideIdempotency(await store.get(scope), fingerprint, nowSeconds);
    if (decision.kind === 'reused-with-other-request') throw refusals.reusedWithOtherRequest();
    if (decision.kind === 'new') return undefined;
    const result = await call.replay(decision.resultId);
    if (result === undefined) throw refusals.stillInProgress();
    return { result, replayed: true };
  };

  const before = await earlier();
  if (before) return before;
  const id = call.newId();
  if (!(await store.claim(scope, { fingerprint, resultId: id, expiresAt: nowSeconds + policy.windowSeconds }, nowSeconds))) {
    // Another request with this key claimed it in between: answer as its retry would be.
    const after = await earlier();
    if (after) return after;
    throw refusals.stillInProgress();
  }
  try {
    return { result: await call.create(id), replayed: false };
  } catch (err) {
    await store.release(scope, id);
    throw err;
  }
}
