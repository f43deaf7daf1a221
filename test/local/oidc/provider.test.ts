import * as client from 'openid-client';
import type { LocalOpenIdProvider } from '../../../lib/local/oidc/provider';
import { Browser, startProvider } from './browser';
import { authorizationRequest, CLIENT_ID, discover, POST_LOGOUT_URI, REDIRECT_URI, signIn } from './flow';

const BASIC = { username: 'citizen-basic', password: 'basic-demo-pass' };

let provider: LocalOpenIdProvider;
let origin: string;
let close: () => Promise<void>;
let config: client.Configuration;

beforeAll(async () => {
  ({ provider, origin, close } = await startProvider({
    clients: [{ clientId: CLIENT_ID, redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT_URI] }],
  }));
  config = await discover(provider.issuer);
});
afterAll(() => close());

describe('discovery', () => {
  test('publishes the endpoints under the mount path, PKCE S256 and the assurance levels', () => {
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(`${origin}/identity`);
    for (const endpoint of [
      meta.authorization_endpoint,
      meta.token_endpoint,
      meta.userinfo_endpoint,
      meta.jwks_uri,
      meta.end_session_endpoint,
    ]) {
      expect(endpoint).toMatch(new RegExp(`^${origin}/identity/`));
    }
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.acr_values_supported).toEqual(['basic', 'verified', 'verified-plus']);
    expect(meta.id_token_signing_alg_values_supported).toEqual(expect.arrayContaining(['ES256']));
    expect(meta.claims_supported).toEqual(expect.arrayContaining(['sub', 'name', 'email', 'email_verified', 'locale', 'acr', 'amr']));
    expect(meta.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
  });

  test('serves the public ES256 key it signs with', async () => {
    const jwks = (await (await fetch(config.serverMetadata().jwks_uri!)).json()) as { keys: { kid: string; alg: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(provider.jwks.keys.map((k) => k.kid));
    expect(jwks.keys.find((k) => k.alg === 'ES256')).toBeDefined();
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
  });
});

describe('authorization code flow with PKCE', () => {
  test('signs citizen-basic in at the basic level, then userinfo and refresh', async () => {
    const browser = new Browser();
    const { url, verifier, state } = await authorizationRequest(config);
    const callback = await signIn(browser, origin, url, BASIC);
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({
      sub: 'citizen-basic',
      acr: 'basic',
      amr: ['pwd'],
      name: 'Chan Tai Man',
      email_verified: true,
      locale: 'en',
    });
    expect(await provider.verify(tokens.id_token!, [CLIENT_ID])).toMatchObject({ sub: 'citizen-basic', acr: 'basic' });

    const info = await client.fetchUserInfo(config, tokens.access_token, 'citizen-basic');
    expect(info).toMatchObject({
      sub: 'citizen-basic',
      name: 'Chan Tai Man',
      email: 'chan.taiman@example.hk',
      email_verified: true,
      locale: 'en',
    });

    expect(tokens.refresh_token).toBeDefined();
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.claims()).toMatchObject({ sub: 'citizen-basic', acr: 'basic' });
  });
});
