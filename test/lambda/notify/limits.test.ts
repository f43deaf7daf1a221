import { NOTIFY_IDEMPOTENCY, NOTIFY_IDEMPOTENCY_REFUSALS } from '../../../lambda/notify/domain/idempotency';
import { checkDailyLimit, checkRateLimit, limitDay, rateWindow, rollingCount } from '../../../lambda/notify/domain/rate-limit';
import type { HttpError } from '../../../lambda/shared/errors';
import { decideIdempotency, scopedKey } from '../../../lambda/shared/idempotency';
import { requestFingerprint } from '../../../lambda/shared/request-fingerprint';
import { notifyBody } from './fixtures';

function errorOf(run: () => void) {
  try {
    run();
  } catch (err) {
    return notifyBody(err as HttpError);
  }
  return undefined;
}

describe('rate and daily limits', () => {
  const now = new Date('2026-03-01T09:00:45Z');

  it('estimates a rolling minute from the current and the previous fixed window', () => {
    const window = rateWindow(now);
    expect(window.start).toBe(Date.parse('2026-03-01T09:00:00Z'));
    expect(window.elapsed).toBeCloseTo(0.75);
    expect(rollingCount(window, 10, 100)).toBeCloseTo(35);
  });

  it("refuses the request that goes over, with Notify's RateLimitError", () => {
    const window = rateWindow(now);
    expect(
      errorOf(() => checkRateLimit({ keyType: 'team', limit: 3000, window, currentCount: 2250, previousCount: 3000 })),
    ).toBeUndefined();
    expect(errorOf(() => checkRateLimit({ keyType: 'team', limit: 3000, window, currentCount: 2251, previousCount: 3000 }))).toEqual({
      status_code: 429,
      errors: [{ error: 'RateLimitError', message: 'Exceeded rate limit for key type TEAM of 3000 requests per 60 seconds' }],
    });
  });

  it("refuses the message after the daily limit, with Notify's TooManyRequestsError", () => {
    expect(errorOf(() => checkDailyLimit(50, 50))).toBeUndefined();
    expect(errorOf(() => checkDailyLimit(50, 51))).toEqual({
      status_code: 429,
      errors: [{ error: 'TooManyRequestsError', message: 'Exceeded send limits (50) for today' }],
    });
  });

  it('resets the day at midnight Hong Kong time', () => {
    expect(limitDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(limitDay(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});

describe('idempotency decisions', () => {
  it('fingerprints bodies regardless of key order', () => {
    expect(requestFingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestFingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(requestFingerprint({ a: 1 })).not.toBe(requestFingerprint({ a: 2 }));
  });

  it('replays the same body, refuses another and forgets an expired claim', () => {
    const claim = { fingerprint: 'f1', resultId: 'n1', expiresAt: 1000 };
    expect(decideIdempotency(claim, 'f1', 999)).toEqual({ kind: 'replay', resultId: 'n1' });
    expect(decideIdempotency(claim, 'f2', 999)).toEqual({ kind: 'reused-with-other-request' });
    expect(notifyBody(NOTIFY_IDEMPOTENCY_REFUSALS.reusedWithOtherRequest())).toMatchObject({
      status_code: 409,
      errors: [{ error: 'ConflictError' }],
    });
    expect(decideIdempotency(claim, 'f2', 1000)).toEqual({ kind: 'new' });
    expect(decideIdempotency(undefined, 'f1', 0)).toEqual({ kind: 'new' });
  });

  it('accepts only visible ASCII keys of up to 255 characters', () => {
    const checkIdempotencyKey = (key: string) => scopedKey(NOTIFY_IDEMPOTENCY, NOTIFY_IDEMPOTENCY_REFUSALS, 'service-1', key);
    expect(checkIdempotencyKey('order-123')).toBe('service-1#order-123');
    const refused = {
      status_code: 400,
      errors: [{ error: 'BadRequestError', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' }],
    };
    expect(errorOf(() => checkIdempotencyKey(''))).toEqual(refused);
    expect(errorOf(() => checkIdempotencyKey('has space'))).toEqual(refused);
    expect(errorOf(() => checkIdempotencyKey('x'.repeat(256)))).toEqual(refused);
  });
});
