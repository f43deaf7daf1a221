import { createHmac } from 'node:crypto';

/**
 * A visitor's hash for one service on one day: HMAC-SHA-256 under that day's salt of the
 * service, the address and the user agent, cut to 16 hex digits. The salt is random, made on the
 * day's first event and deleted after two days, so once it is gone nobody (the platform
 * included) can link a hash back to an address or across days; the address itself is never
 * stored. Sixty-four bits leave collisions negligible at a day's visitors of one service.
 */
export function visitorHash(salt: string, service: string, sourceIp: string, userAgent: string): string {
  return createHmac('sha256', Buffer.from(salt, 'base64')).update(`${service}\n${sourceIp}\n${userAgent}`).digest('hex').slice(0, 16);
}
