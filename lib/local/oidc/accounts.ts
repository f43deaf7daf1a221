import { timingSafeEqual } from 'node:crypto';
import type { AssuranceLevel } from './assurance';

/** A demo person of local mode's OpenID provider (never in AWS). */
export interface DemoAccount {
  readonly subject: string;
  /** What the person types as their user name. */
  readonly username: string;
  readonly password: string;
  /** PIN of the simulated smart identity card; only for accounts proven to `verified` or above. */
  readonly cardPin?: string;
  /** The highest level the person's identity was proven to. */
  readonly provenLevel: AssuranceLevel;
  readonly name: string;
  readonly email: string;
  /** Preferred language. */
  readonly locale: 'en' | 'zh-HK' | 'zh-CN';
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    subject: 'citizen-basic',
    username: 'citizen-basic',
    password: 'basic-demo-pass',
    provenLevel: 'basic',
    name: 'Chan Tai Man',
    email: 'chan.taiman@example.hk',
    locale: 'en',
  },
  {
    subject: 'citizen-verified',
    username: 'citizen-verified',
    password: 'verified-demo-pass',
    cardPin: '246810',
    provenLevel: 'verified',
    name: 'Wong Siu Ming',
    email: 'wong.siuming@example.hk',
    locale: 'zh-HK',
  },
  {
    subject: 'citizen-signer',
    username: 'citizen-signer',
    password: 'signer-demo-pass',
    cardPin: '135790',
    provenLevel: 'verified-plus',
    name: 'Lee Mei Ling',
    email: 'lee.meiling@example.hk',
    locale: 'zh-CN',
  },
];

/** Compares secrets in constant time. */
export function sameSecret(given: unknown, expected: string | undefined): boolean {
  if (typeof given !== 'string' || expected === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
