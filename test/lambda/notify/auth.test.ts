import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { createApiKey, parseApiKey } from '../../../lambda/notify/domain/api-key';
import { authenticate, type ServiceKeys } from '../../../lambda/notify/domain/auth';
import type { ApiKeyRecord, NotifyService } from '../../../lambda/notify/domain/model';
import { HttpError } from '../../../lambda/shared/errors';
import { aesGcmSecretBox, sha256Hex } from '../../../lambda/shared/sealed-secret';
import { notifyBody } from './fixtures';

// The official client's own token maker: what departments' code sends.
const createGovukNotifyToken: (
  method: string,
  path: string,
  secret: string,
  serviceId: string,
) => string = require('notifications-node-client/client/authentication.js');

const box = aesGcmSecretBox(randomBytes(32));
const SERVICE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const service = { id: SERVICE_ID, active: true } as NotifyService;
const now = new Date('2026-03-01T09:00:00Z');

function keyOf(name: string, type: 'live' | 'team' | 'test', revokedAt?: string) {
  const { record, text } = createApiKey({ serviceId: SERVICE_ID, name, type, createdBy: 'x@dpo.gov.hk', now, box });
  return { record: { ...record, revokedAt } as ApiKeyRecord, text };
}

const live = keyOf('Case system', 'live');
const team = keyOf('team key', 'team');
const revoked = keyOf('old', 'live', '2026-02-01T00:00:00Z');

function deps(found: ServiceKeys | undefined = { service, keys: [team.record, live.record, revoked.record] }, at = now) {
  return { findServiceWithKeys: async (id: string) => (id === SERVICE_ID ? found : undefined), box, now: at };
}

function token(secret: string, claims: { iss?: string; iat?: number }, alg = 'HS256') {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

async function authError(authorization: string | undefined, d = deps()) {
  try {
    await authenticate(authorization, d);
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    const e = notifyBody(err as HttpError);
    expect(e.errors[0].error).toBe('AuthError');
    return { status: e.status_code, message: e.errors[0].message };
  }
  throw new Error('expected an AuthError');
}

describe('API keys', () => {
  it('are written name-serviceId-secret and parse back, with hyphens in the name', () => {
    const { text } = createApiKey({ serviceId: SERVICE_ID, name: 'My Case-System', type: 'team', createdBy: 'x', now, box });
    const parsed = parseApiKey(text);
    expect(parsed).toEqual({ name: 'my_case-system', serviceId: SERVICE_ID, secret: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(text.length).toBe('my_case-system'.length + 1 + 73);
  });

  it('store the secret sealed and hashed, never in the clear', () => {
    const { secret } = parseApiKey(live.text);
    expect(JSON.stringify(live.record)).not.toContain(secret);
    expect(live.record.secretHash).toBe(sha256Hex(secret));
    expect(box.open(live.record.sealedSecret)).toBe(secret);
  });

  it('refuses text that is not a key', () => {
    expect(() => parseApiKey('not-a-key')).toThrow(/\{key_name\}-\{service_id\}-\{secret\}/);
  });
});

describe('Notify JWT authentication', () => {
  it("accepts the official client's token and names the key that signed it", async () => {
    const { secret } = parseApiKey(team.text);
    const jwt = createGovukNotifyToken('POST', '/v2/notifications/email', secret, SERVICE_ID);
    const caller = await authenticate(`Bearer ${jwt}`, deps(undefined, new Date()));
    expect(caller.service.id).toBe(SERVICE_ID);
    expect(caller.apiKey).toEqual({ id: team.record.id, name: 'team_key', type: 'team' });
  });

  it.each([
    [-30, true],
    [30, true],
    [-31, false],
    [31, false],
  ])('with iat %p seconds from now the token is accepted: %p', async (offset, accepted) => {
    const jwt = await token(parseApiKey(live.text).secret, { iss: SERVICE_ID, iat: now.getTime() / 1000 + offset });
    if (accepted) {
      await expect(authenticate(`Bearer ${jwt}`, deps())).resolves.toMatchObject({ apiKey: { type: 'live' } });
    } else {
      expect(await authError(`Bearer ${jwt}`)).toEqual({
        status: 403,
        message: 'Error: Your system clock must be accurate to within 30 seconds',
      });
    }
  });

  it('refuses a token signed with another secret', async () => {
    const jwt = await token('f0e1d2c3-b4a5-4968-8776-655443322110', { iss: SERVICE_ID, iat: now.getTime() / 1000 });
    expect(await authError(`Bearer ${jwt}`)).toEqual({ status: 403, message: 'Invalid token: API key not found' });
  });

  it('refuses a token whose signature was tampered with', async () => {
    const jwt = await token(parseApiKey(live.text).secret, { iss: SERVICE_ID, iat: now.getTime() / 1000 });
    const [header, payload, signature] = jwt.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await authError(`Bearer ${header}.${payload}.${flipped}`)).toEqual({ status: 403, message: 'Invalid token: API key not found' });
  });

  it('refuses an unsigned (alg none) token', async () => {
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iss: SERVICE_ID, iat: now.getTime() / 1000 })}.`;
    expect(await authError(`Bearer ${jwt}`)).toEqual({ status: 403, message: 'Invalid token: signature, api token is not valid' });
  });

  it('refuses a revoked key even with a good signature', async () => {
    const jwt = await token(parseApiKey(revoked.text).secret, { iss: SERVICE_ID, iat: now.getTime() / 1000 });
    expect(await authError(`Bearer ${jwt}`)).toEqual({ status: 403, message: 'Invalid token: API key revoked' });
  });

  it.each([
    [undefined, 401, 'Unauthorized: authentication token must be provided'],
    ['Basic abc', 401, 'Unauthorized: authentication bearer scheme must be used'],
    ['Bearer not.a.jwt', 403, 'Invalid token: signature, api token is not valid'],
  ])('answers %p with %p %p', async (header, status, message) => {
    expect(await authError(header)).toEqual({ status, message });
  });

  it('names the problem with the issuer', async () => {
    const secret = parseApiKey(live.text).secret;
    const iat = now.getTime() / 1000;
    expect(await authError(`Bearer ${await token(secret, { iat })}`)).toMatchObject({ message: 'Invalid token: iss field not provided' });
    expect(await authError(`Bearer ${await token(secret, { iss: 'DPO', iat })}`)).toMatchObject({
      message: 'Invalid token: service id is not the right data type',
    });
    expect(await authError(`Bearer ${await token(secret, { iss: '00000000-0000-4000-8000-000000000000', iat })}`)).toMatchObject({
      message: 'Invalid token: service not found',
    });
    expect(await authError(`Bearer ${await token(secret, { iss: SERVICE_ID, iat })}`, deps({ service, keys: [] }))).toMatchObject({
      message: 'Invalid token: service has no API keys',
    });
    expect(await authError(`Bearer ${await token(secret, { iss: SERVICE_ID })}`)).toMatchObject({
      message: 'Invalid token: iat field not provided',
    });
  });
});
