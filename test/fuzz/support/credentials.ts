import * as fc from 'fast-check';
import { SignJWT } from 'jose';
import { NOTIFY_AUTH_SCHEME } from '../../../lambda/notify/routes';
import { PAY_AUTH_SCHEME } from '../../../lambda/pay/routes';
import { ASSURANCE_LEVELS, type AssuranceLevel } from '../../../lambda/shared/assurance';
import { CLAIMS, PLATFORM_ADMIN_GROUP } from '../../../lambda/shared/identity';
import { type AuthMode, authScheme, poolMode, requiredAssurance } from '../../../lambda/shared/route';
import type { LocalPlatform } from '../../../lib/local/server';
import { LocalTokens } from '../../../lib/local/tokens';

/** Headers that present (or fail to present) a credential, made when the request is sent. */
export interface Credential {
  readonly name: string;
  headers(): Promise<Record<string, string>>;
}

/** The credential that passes a route's auth mode, and credentials that must not. */
export interface Credentials {
  readonly valid: Credential;
  /** Empty for public routes, which take no credential. */
  readonly wrong: readonly Credential[];
}

/** A credential that fast-check prints by its name in a counterexample. */
function credential(name: string, headers: () => Promise<Record<string, string>> | Record<string, string>): Credential {
  return {
    name,
    headers: async () => headers(),
    [fc.toStringMethod]: () => `credential(${name})`,
  } as Credential;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const NONE = credential('none', () => ({}));
const GARBAGE = [
  credential('bearer garbage', () => bearer('not-a-token')),
  credential('basic scheme', () => ({ authorization: `Basic ${Buffer.from('user:password').toString('base64')}` })),
  credential('bearer without token', () => ({ authorization: 'Bearer ' })),
  credential('bearer of a truncated JWT', () => bearer('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0')),
];

/** The first department of the config: its officer and API key. */
function officerOf(platform: LocalPlatform) {
  const [code] = Object.keys(platform.apiKeys);
  return { token: platform.tokens.officers[code], apiKey: platform.apiKeys[code] };
}

/** Credentials for the platform's own auth modes, checked by the user pools' authorizers. */
function poolCredentials(mode: Exclude<AuthMode, 'public' | object>, platform: LocalPlatform, assurance?: AssuranceLevel): Credentials {
  const { tokens, localTokens } = platform;
  const officer = officerOf(platform);
  const stranger = new LocalTokens();
  const staffPool = mode !== 'citizen';
  const withKey = (headers: Record<string, string>) =>
    mode === 'department-officer' ? { ...headers, 'x-api-key': officer.apiKey } : headers;
  const valid: Record<typeof mode, Credential> = {
    citizen: assurance
      ? credential(`citizen token at ${assurance}`, () => bearer(tokens.citizens[assurance]))
      : credential('citizen token', () => bearer(tokens.citizen)),
    staff: credential('analyst token', () => bearer(tokens.analyst)),
    'department-officer': credential('officer token and API key', () => ({ ...bearer(officer.token), 'x-api-key': officer.apiKey })),
    'platform-admin': credential('admin token', () => bearer(tokens.admin)),
  };
  const wrong = [
    NONE,
    ...GARBAGE.map((g) => credential(g.name, async () => withKey(await g.headers()))),
    credential('token signed by another key', async () => withKey(bearer(staffPool ? await stranger.admin() : await stranger.citizen()))),
    credential('expired token', async () =>
      withKey(
        bearer(
          staffPool
            ? await localTokens.issue('staff', 'platform-admin', { [CLAIMS.groups]: [PLATFORM_ADMIN_GROUP] }, -600)
            : await localTokens.issue('citizen', 'citizen-demo', {}, -600),
        ),
      ),
    ),
    credential(staffPool ? 'citizen token' : 'staff token', () => withKey(bearer(staffPool ? tokens.citizen : tokens.admin))),
  ];
  if (mode === 'department-officer') {
    wrong.push(
      credential('officer token without API key', () => bearer(officer.token)),
      credential('officer token and a wrong API key', () => ({ ...bearer(officer.token), 'x-api-key': 'local-xx-not-a-key' })),
      credential('analyst token and API key', () => ({ ...bearer(tokens.analyst), 'x-api-key': officer.apiKey })),
    );
  }
  if (mode === 'platform-admin') wrong.push(credential('officer token', () => bearer(officer.token)));
  // A sign-in below the route's level is asked to step up.
  for (const lower of assurance ? ASSURANCE_LEVELS.slice(0, ASSURANCE_LEVELS.indexOf(assurance)) : []) {
    wrong.push(credential(`citizen token at ${lower}`, () => bearer(tokens.citizens[lower])));
  }
  return { valid: valid[mode], wrong };
}

/** The value at the end of the seed's line that starts with the prefix: a demo key. */
function seededKey(platform: LocalPlatform, prefix: string): string {
  const line = platform.seedNotes.find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`No seed note starts with '${prefix}': the fuzzer needs the demo key it prints.`);
  return line.split(' ').at(-1) ?? '';
}

/** A GOV.UK Notify JWT: `iss` the service id, `iat` now, HS256 with the key's secret. */
function notifyJwt(serviceId: string, secret: string, options: { iat?: number; alg?: string } = {}): Promise<string> {
  const claims = options.iat === undefined ? { iss: serviceId, iat: Math.floor(Date.now() / 1000) } : { iss: serviceId, iat: options.iat };
  return new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

/**
 * Credentials of the services' own schemes, by scheme. A scheme added to a service without an
 * entry here fails the fuzz suite, so its routes cannot go unfuzzed for want of a key.
 */
export const SCHEME_CREDENTIALS: Readonly<Record<string, (platform: LocalPlatform) => Credentials>> = {
  [NOTIFY_AUTH_SCHEME]: (platform) => {
    const key = seededKey(platform, 'notify: demo service');
    const secret = key.slice(-36);
    const serviceId = key.slice(-73, -37);
    const otherId = '00000000-0000-4000-8000-000000000000';
    const unsigned = () => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: serviceId, iat: Math.floor(Date.now() / 1000) })}.`;
    };
    return {
      valid: credential('JWT from the demo key', async () => bearer(await notifyJwt(serviceId, secret))),
      wrong: [
        NONE,
        ...GARBAGE,
        credential('JWT with a wrong secret', async () => bearer(await notifyJwt(serviceId, '11111111-2222-4333-8444-555555555555'))),
        credential('JWT of an unknown service', async () => bearer(await notifyJwt(otherId, secret))),
        credential('JWT issued an hour ago', async () =>
          bearer(await notifyJwt(serviceId, secret, { iat: Math.floor(Date.now() / 1000) - 3600 })),
        ),
        credential('JWT signed with HS512', async () => bearer(await notifyJwt(serviceId, secret.repeat(2), { alg: 'HS512' }))),
        credential('unsigned JWT', () => bearer(unsigned())),
        credential('the API key itself', () => bearer(key)),
        credential('platform admin token', () => bearer(platform.tokens.admin)),
      ],
    };
  },
  [PAY_AUTH_SCHEME]: (platform) => {
    const key = seededKey(platform, 'pay: sandbox account');
    return {
      valid: credential('sandbox API key', () => bearer(key)),
      wrong: [
        NONE,
        ...GARBAGE,
        credential('unknown live key', () => bearer(`api_live_${'a'.repeat(40)}`)),
        credential('unknown test key', () => bearer(`api_test_${'b'.repeat(40)}`)),
        credential('the key with a character changed', () => bearer(`${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`)),
        credential('the key without Bearer', () => ({ authorization: key })),
        credential('platform admin token', () => bearer(platform.tokens.admin)),
      ],
    };
  },
};

/** The credentials for a route's auth mode. */
export function credentialsFor(auth: AuthMode, platform: LocalPlatform): Credentials {
  if (auth === 'public') return { valid: NONE, wrong: [] };
  const scheme = authScheme(auth);
  if (scheme !== undefined) {
    const make = SCHEME_CREDENTIALS[scheme];
    if (!make) throw new Error(`Auth scheme '${scheme}' has no credentials in the fuzzer: add them to SCHEME_CREDENTIALS.`);
    return make(platform);
  }
  const mode = poolMode(auth);
  if (mode === 'scheme' || mode === 'public') throw new Error('unreachable: handled above');
  return poolCredentials(mode, platform, requiredAssurance(auth));
}
