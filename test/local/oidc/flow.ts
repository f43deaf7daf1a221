import * as client from 'openid-client';
import { type Browser, formAction } from './browser';

export const REDIRECT_URI = 'https://portal.example.hk/callback';
export const POST_LOGOUT_URI = 'https://portal.example.hk/signed-out';
export const CLIENT_ID = 'citizen-portal';

export function discover(issuer: string, clientId = CLIENT_ID): Promise<client.Configuration> {
  return client.discovery(new URL(issuer), clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
}

export interface Credentials {
  username?: string;
  password?: string;
  cardPin?: string;
  signingCertificate?: boolean;
}

/** Starts an authorization request with PKCE and returns what the relying party keeps. */
export async function authorizationRequest(config: client.Configuration, extra: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...extra,
  });
  return { url, verifier, state };
}

/**
 * Drives the provider's pages as a person would: fills the sign-in (or step-up) form, allows
 * consent, and returns where the provider sent the browser back to the relying party.
 */
export async function signIn(browser: Browser, origin: string, url: URL, credentials: Credentials): Promise<URL> {
  let { response, url: at } = await browser.follow(url, origin);
  for (let step = 0; step < 4 && at.origin === origin; step += 1) {
    const html = await response.text();
    if (response.status !== 200 && response.status !== 401) throw new Error(`provider answered ${response.status}: ${html}`);
    if (html.includes('/consent"')) {
      ({ response, url: at } = await browser.follow(formAction(html, '/consent', at), origin, { form: {} }));
      continue;
    }
    const form: Record<string, string> = {};
    if (html.includes('name="username"')) form.username = credentials.username ?? '';
    if (html.includes('name="password"')) form.password = credentials.password ?? '';
    if (html.includes('name="card_pin"')) form.card_pin = credentials.cardPin ?? '';
    if (html.includes('name="signing_certificate"') && credentials.signingCertificate) form.signing_certificate = 'confirm';
    if (response.status === 401) throw new Error('sign-in refused');
    ({ response, url: at } = await browser.follow(formAction(html, '/login', at), origin, { form }));
  }
  if (at.origin === origin) throw new Error(`still at the provider: ${at.pathname}`);
  return at;
}

/** The callback's query, as the relying party receives it. */
export function callbackParams(callback: URL): Record<string, string> {
  return Object.fromEntries(callback.searchParams.entries());
}

/** Hidden fields of a page's forms (name → value). */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1];
    if (name) fields[name] = value ?? '';
  }
  return fields;
}
