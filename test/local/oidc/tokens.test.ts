import { createLocalOpenIdProvider, type LocalOpenIdProvider } from '../../../lib/local/oidc/provider';

const ISSUER = 'http://127.0.0.1:3000/identity';
let provider: LocalOpenIdProvider;

beforeAll(async () => {
  provider = await createLocalOpenIdProvider({
    issuer: ISSUER,
    clients: [{ clientId: 'citizen-portal', redirectUris: ['https://portal.example.hk/callback'] }],
  });
});

const input = {
  subject: 'citizen-verified',
  audience: 'citizen-portal',
  acr: 'verified' as const,
  amr: ['pwd', 'sc', 'pin'],
  claims: { name: 'Wong Siu Ming' },
};

test('a minted ID token verifies with the JWKS and carries acr and amr', async () => {
  const token = await provider.mintIdToken(input);
  const [header] = token.split('.');
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'ES256', kid: provider.jwks.keys[0].kid });
  expect(await provider.verify(token, ['other', 'citizen-portal'])).toMatchObject({
    iss: ISSUER,
    sub: 'citizen-verified',
    aud: 'citizen-portal',
    acr: 'verified',
    amr: ['pwd', 'sc', 'pin'],
    name: 'Wong Siu Ming',
  });
});

test('a tampered token is refused', async () => {
  const [header, payload, signature] = (await provider.mintIdToken(input)).split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, acr: 'verified-plus' })).toString('base64url');
  expect(await provider.verify(`${header}.${forged}.${signature}`, ['citizen-portal'])).toBeUndefined();
});

test('a token for another audience is refused', async () => {
  expect(await provider.verify(await provider.mintIdToken(input), ['payments'])).toBeUndefined();
});

test('an expired token is refused', async () => {
  expect(await provider.verify(await provider.mintIdToken({ ...input, ttlSeconds: -5 }), ['citizen-portal'])).toBeUndefined();
});

test("another start's token is refused: keys are fresh at every start", async () => {
  const other = await createLocalOpenIdProvider({ issuer: ISSUER, clients: [] });
  expect(other.jwks.keys[0].kid === provider.jwks.keys[0].kid && other.jwks.keys[0].x === provider.jwks.keys[0].x).toBe(false);
  expect(await provider.verify(await other.mintIdToken(input), ['citizen-portal'])).toBeUndefined();
});

test('garbage is refused', async () => {
  expect(await provider.verify('not-a-token', ['citizen-portal'])).toBeUndefined();
});
