import * as client from 'openid-client';
import type { LocalOpenIdProvider } from '../../../lib/local/oidc/provider';
import { Browser, formAction, startProvider } from './browser';
import { authorizationRequest, CLIENT_ID, callbackParams, discover, hiddenFields, POST_LOGOUT_URI, REDIRECT_URI, signIn } from './flow';

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

describe('step-up by acr_values', () => {
  test('a basic session of a verified person steps up with the card PIN, and the ID token says verified', async () => {
    const browser = new Browser();
    const person = { username: 'citizen-verified', password: 'verified-demo-pass', cardPin: '246810' };
    const first = await authorizationRequest(config);
    const basic = await client.authorizationCodeGrant(config, await signIn(browser, origin, first.url, { ...person, cardPin: undefined }), {
      pkceCodeVerifier: first.verifier,
      expectedState: first.state,
    });
    expect(basic.claims()).toMatchObject({ sub: 'citizen-verified', acr: 'basic', amr: ['pwd'] });

    const second = await authorizationRequest(config, { acr_values: 'verified' });
    const page = await browser.follow(second.url, origin);
    const html = await page.response.text();
    expect(html).toContain('name="card_pin"');
    expect(html).not.toContain('name="password"');
    const callback = await signIn(browser, origin, second.url, person);
    const stepped = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: second.verifier,
      expectedState: second.state,
    });
    expect(stepped.claims()).toMatchObject({ sub: 'citizen-verified', acr: 'verified' });
    expect(stepped.claims()!.amr).toEqual(expect.arrayContaining(['pwd', 'sc', 'pin']));
  });

  test('a wrong card PIN is refused and nothing is issued', async () => {
    const browser = new Browser();
    const request = await authorizationRequest(config, { acr_values: 'verified' });
    await expect(
      signIn(browser, origin, request.url, { username: 'citizen-verified', password: 'verified-demo-pass', cardPin: '000000' }),
    ).rejects.toThrow('sign-in refused');
  });

  test('an account never proven to the level gets unmet_authentication_requirements at the redirect_uri', async () => {
    const browser = new Browser();
    const first = await authorizationRequest(config);
    await signIn(browser, origin, first.url, BASIC);
    const second = await authorizationRequest(config, { acr_values: 'verified' });
    const callback = await signIn(browser, origin, second.url, BASIC);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callbackParams(callback)).toMatchObject({ error: 'unmet_authentication_requirements', state: second.state });
    expect(callbackParams(callback).code).toBeUndefined();
  });

  test('verified-plus takes the card PIN and the signing certificate', async () => {
    const browser = new Browser();
    const request = await authorizationRequest(config, { acr_values: 'verified-plus' });
    const person = { username: 'citizen-signer', password: 'signer-demo-pass', cardPin: '135790' };
    await expect(signIn(new Browser(), origin, request.url, person)).rejects.toThrow('sign-in refused');
    const again = await authorizationRequest(config, { acr_values: 'verified-plus' });
    const callback = await signIn(browser, origin, again.url, { ...person, signingCertificate: true });
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: again.verifier, expectedState: again.state });
    expect(tokens.claims()).toMatchObject({ sub: 'citizen-signer', acr: 'verified-plus', locale: 'zh-CN' });
    expect(tokens.claims()!.amr).toEqual(expect.arrayContaining(['sc', 'pin', 'hwk']));
  });
});

describe('logout', () => {
  test('RP-initiated logout ends the session and returns to the post_logout_redirect_uri', async () => {
    const browser = new Browser();
    const request = await authorizationRequest(config);
    const tokens = await client.authorizationCodeGrant(config, await signIn(browser, origin, request.url, BASIC), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: POST_LOGOUT_URI,
      state: 'bye',
    });
    const confirm = await browser.follow(endSession, origin);
    const html = await confirm.response.text();
    const done = await browser.follow(formAction(html, '/confirm', confirm.url), origin, {
      form: { ...hiddenFields(html), logout: 'yes' },
    });
    expect(`${done.url.origin}${done.url.pathname}`).toBe(POST_LOGOUT_URI);
    expect(done.url.searchParams.get('state')).toBe('bye');

    const next = await authorizationRequest(config);
    const page = await browser.follow(next.url, origin);
    expect(await page.response.text()).toContain('name="password"');
  });
});

describe('bad input', () => {
  test('a wrong PKCE verifier is invalid_grant and does not use up the code', async () => {
    const request = await authorizationRequest(config);
    const callback = await signIn(new Browser(), origin, request.url, BASIC);
    await expect(
      client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: request.state }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    expect(tokens.access_token).toBeDefined();
  });

  test('a reused code is invalid_grant', async () => {
    const request = await authorizationRequest(config);
    const callback = await signIn(new Browser(), origin, request.url, BASIC);
    await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state });
    await expect(
      client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  test('an authorization request without PKCE is refused at the redirect_uri', async () => {
    const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT_URI, scope: 'openid', state: 's' });
    const { url: callback } = await new Browser().follow(url, origin);
    expect(callbackParams(callback)).toMatchObject({ error: 'invalid_request' });
  });

  test('an unregistered redirect_uri gets a 400 page and no redirect', async () => {
    const request = await authorizationRequest(config, { redirect_uri: 'https://elsewhere.example/callback' });
    const response = await new Browser().request(request.url);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('invalid_redirect_uri');
  });

  test('the sign-in page escapes what the request carries and runs no script', async () => {
    const request = await authorizationRequest(config, { login_hint: '"><script>alert(1)</script>' });
    const { response } = await new Browser().follow(request.url, origin);
    const html = await response.text();
    expect(html).toContain('name="username"');
    expect(html).not.toContain('<script');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  test('an unknown client gets invalid_client', async () => {
    const stranger = await discover(provider.issuer, 'unknown-client');
    const request = await authorizationRequest(stranger);
    const response = await new Browser().request(request.url);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('invalid_client');
  });
});

describe('grants', () => {
  test('lists the clients a subject granted and revokes one with its tokens', async () => {
    const browser = new Browser();
    const person = { username: 'citizen-signer', password: 'signer-demo-pass', cardPin: '135790' };
    const request = await authorizationRequest(config);
    const tokens = await client.authorizationCodeGrant(config, await signIn(browser, origin, request.url, person), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    expect(provider.grants('citizen-signer')).toEqual([
      expect.objectContaining({ clientId: CLIENT_ID, scopes: expect.arrayContaining(['openid', 'profile', 'email']) }),
    ]);
    expect(provider.grants('nobody')).toEqual([]);

    expect(provider.revoke('citizen-signer', CLIENT_ID)).toBe(true);
    expect(provider.grants('citizen-signer')).toEqual([]);
    expect(provider.revoke('citizen-signer', CLIENT_ID)).toBe(false);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(client.fetchUserInfo(config, tokens.access_token, 'citizen-signer')).rejects.toThrow();

    const next = await authorizationRequest(config);
    const page = await browser.follow(next.url, origin);
    expect(await page.response.text()).toContain('/consent"');
  });
});
