import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { LOCAL_OPENID_CLIENTS } from '../../lib/local/server';
import { call, useLocalPlatform } from '../helpers/local-platform';
import { Browser } from '../local/oidc/browser';
import { authorizationRequest, discover, signIn } from '../local/oidc/flow';

const demo = LOCAL_OPENID_CLIENTS[0];
const SIGNER = { username: 'citizen-signer', password: 'signer-demo-pass', cardPin: '135790', signingCertificate: true };

describe('signing in at local mode’s OpenID provider, and calling the services with the token', () => {
  const platform = useLocalPlatform(['identity']);
  const digest = createHash('sha256').update('application.pdf').digest('hex');

  async function signInTokens(browser: Browser, extra: Record<string, string>, credentials: typeof SIGNER) {
    const config = await discover(platform.current.openIdIssuer as string, demo.clientId);
    const request = await authorizationRequest(config, { redirect_uri: demo.redirectUris[0], ...extra });
    const callback = await signIn(browser, new URL(platform.current.url).origin, request.url, credentials);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    return { config, tokens };
  }

  async function idToken(browser: Browser, extra: Record<string, string>, credentials: typeof SIGNER) {
    return (await signInTokens(browser, extra, credentials)).tokens.id_token as string;
  }

  it('is discovered under /identity with the three assurance levels', async () => {
    const config = await discover(platform.current.openIdIssuer as string, demo.clientId);
    expect(config.serverMetadata().issuer).toBe(`${platform.current.url}/identity`);
    expect(config.serverMetadata().acr_values_supported).toEqual(['basic', 'verified', 'verified-plus']);
  });

  it('signs in at basic, is asked to step up to sign, steps up to verified-plus and signs; the service is then among its sign-ins', async () => {
    const browser = new Browser();
    const basic = await idToken(browser, {}, SIGNER);
    const refused = await call(platform.current, 'POST', '/identity/v1/signatures', {
      token: basic,
      body: { digestAlgorithm: 'SHA-256', digest },
    });
    expect(refused.status).toBe(401);
    const challenge = refused.headers.get('www-authenticate') as string;
    const acrValues = /acr_values="([^"]+)"/.exec(challenge)?.[1] as string;
    expect(acrValues).toBe('verified-plus');

    const stepped = await idToken(browser, { acr_values: acrValues }, SIGNER);
    const signed = await call(platform.current, 'POST', '/identity/v1/signatures', {
      token: stepped,
      body: { digestAlgorithm: 'SHA-256', digest },
    });
    expect(signed.status).toBe(201);
    expect(signed.json.statement.signer).toEqual({ subject: 'citizen-signer', assurance: 'verified-plus' });

    // The sign-in is recorded beside the token's issue, as the user pool's trigger records it in AWS.
    const signedInTo = async () =>
      (await call(platform.current, 'GET', '/identity/v1/consents', { token: stepped })).json.consents.map(
        (c: { clientId: string }) => c.clientId,
      );
    for (let i = 0; i < 20 && (await signedInTo()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await signedInTo()).toEqual([demo.clientId]);
    expect((await call(platform.current, 'DELETE', `/identity/v1/consents/${demo.clientId}`, { token: stepped })).status).toBe(204);
    expect((await call(platform.current, 'GET', '/identity/v1/consents', { token: stepped })).json).toEqual({ consents: [] });
  });

  it("revokes the service's grant with its consent: its refresh token no longer works", async () => {
    const { config, tokens } = await signInTokens(new Browser(), {}, SIGNER);
    const token = tokens.id_token as string;
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(refreshed.access_token).toBeTruthy();
    const consents = async () => (await call(platform.current, 'GET', '/identity/v1/consents', { token })).json.consents;
    for (let i = 0; i < 20 && (await consents()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await call(platform.current, 'DELETE', `/identity/v1/consents/${demo.clientId}`, { token })).status).toBe(204);
    await expect(client.refreshTokenGrant(config, refreshed.refresh_token ?? (tokens.refresh_token as string))).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses a token of another issuer for citizens', async () => {
    const res = await call(platform.current, 'GET', '/identity/v1/profile', {
      token: await platform.current.localTokens.issue('citizen', 'x'),
    });
    expect(res.status).toBe(401);
  });
});
