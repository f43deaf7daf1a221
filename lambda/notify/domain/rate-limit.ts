import { dailyLimitReached, rateLimited } from '../errors';
import type { ApiKeyType } from './model';

/**
 * Limits as pure decisions over counters the store keeps atomically. The per-key rate is a
 * rolling minute, estimated from two fixed-window counters (the previous window weighted by how
 * much of it still overlaps the last 60 seconds). The daily limit counts messages from live and
 * team keys and resets at midnight Hong Kong time.
 */
export const RATE_WINDOW_SECONDS = 60;
export const HONG_KONG_UTC_OFFSET_MINUTES = 8 * 60;

export interface RateWindow {
  /** Start of the fixed window containing `now`, epoch milliseconds. */
  readonly start: number;
  /** Start of the window before it. */
  readonly previousStart: number;
  /** How far into the current window `now` is, 0 to 1. */
  readonly elapsed: number;
}

export function rateWindow(now: Date, seconds = RATE_WINDOW_SECONDS): RateWindow {
  const length = seconds * 1000;
  const start = Math.floor(now.getTime() / length) * length;
  return { start, previousStart: start - length, elapsed: (now.getTime() - start) / length };
}

/** Requests in the rolling window ending now, from the counts of the current and previous fixed windows. */
export function rollingCount(window: RateWindow, currentCount: number, previousCount: number): number {
  return currentCount + previousCount * (1 - window.elapsed);
}

export interface RateCheck {
  readonly keyType: ApiKeyType;
  readonly limit: number;
  readonly window: RateWindow;
  /** Count of the current window including this request. */
  readonly currentCount: number;
  readonly previousCount: number;
}

export function checkRateLimit(check: RateCheck): void {
  if (rollingCount(check.window, check.currentCount, check.previousCount) > check.limit) {
    throw rateLimited(check.keyType, check.limit, RATE_WINDOW_SECONDS);
  }
}

/** Whether messages sent with this key count against the daily limit. */
export function countsTowardsDailyLimit(keyType: ApiKeyType): boolean {
  return keyType !== 'test';
}

/** `sentToday` includes the message being sent. */
export function checkDailyLimit(limit: number, sentToday: number): void {
  if (sentToday > limit) throw dailyLimitReached(limit);
}

/** The calendar day, `YYYY-MM-DD`, in the zone the limits reset in. */
export function limitDay(now: Date, offsetMinutes = HONG_KONG_UTC_OFFSET_MINUTES): string {
  return new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Epoch seconds after which a counter of this day is no longer needed. */
export function dayCounterExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + 2 * 24 * 3600;
}
