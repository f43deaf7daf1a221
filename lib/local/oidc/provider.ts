import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import Provider, { interactionPolicy } from 'oidc-provider';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts';
import { ASSURANCE_LEVELS, type AssuranceLevel, meets, requiredLevel } from './assurance';
import { escapeHtml, page } from './html';
import { Interactions } from './interactions';
import { generateSigningKeys } from './keys';
import { MemoryStore } from './store';

export { DEMO_ACCOUNTS, type DemoAccount } from './accounts';
export { ASSURANCE_LEVELS, type AssuranceLevel } from './assurance';

/** A relying party registered with the provider. */
export interface LocalClient {
  readonly clientId: string;
  readonly redirectUris: string[];
  /** @default [] */
  readonly postLogoutRedirectUris?: string[];
  /**
   * A confidential client's secret (client_secret_basic).
   * @default undefined: a public client, which authenticates nothing and must use PKCE (S256)
   */
  readonly clientSecret?: string;
}

export interface LocalOpenIdProviderOptions {
  /** Issuer identifier, e.g. `http://127.0.0.1:3000/identity`; its path is where the provider is mounted. */
  readonly issuer: string;
  readonly clients: LocalClient[];
  /** @default DEMO_ACCOUNTS */
  readonly accounts?: readonly DemoAccount[];
  /**
   * Told each time a client is issued tokens for a person (a sign-in or a refresh), as the
   * citizen pool's trigger reports sign-ins to the identity service in AWS (there, refreshes
   * are not reported).
   * @default - nobody is told
   */
  readonly onSignIn?: (subject: string, clientId: string) => void;
}

/** What a subject granted one client. */
export interface LocalGrant {
  readonly clientId: string;
  readonly scopes: string[];
  /** When granted, epoch seconds. */
  readonly grantedAt?: number;
}

export interface LocalOpenIdProvider {
  readonly issuer: string;
  /** Node http listener for requests whose path is under the issuer's path, given as they arrive (prefix included). */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** The public JWKS (ES256 and RS256), what `<issuer>/jwks` serves. */
  readonly jwks: { keys: JWK[] };
  /** Signs an ID token with the provider's own ES256 key, as the provider would issue it. */
  mintIdToken(input: MintIdTokenInput): Promise<string>;
  /** Verifies a token the provider issued: signature by the JWKS, issuer, expiry, audience among those given; the payload or undefined. */
  verify(token: string, audiences: string[]): Promise<JWTPayload | undefined>;
  /** The clients a subject granted access, one entry per client, with the scopes granted and when first granted. */
  grants(subject: string): LocalGrant[];
  /** Revokes what a subject granted a client, with every token issued under it; whether anything was revoked. */
  revoke(subject: string, clientId: string): boolean;
}

export interface MintIdTokenInput {
  readonly subject: string;
  readonly audience: string;
  readonly acr: AssuranceLevel;
  readonly amr: string[];
  /** @default {} */
  readonly claims?: Record<string, unknown>;
  /** @default 3600 */
  readonly ttlSeconds?: number;
}

const TTL = {
  AccessToken: 600,
  AuthorizationCode: 60,
  IdToken: 3600,
  RefreshToken: 8 * 3600,
  Interaction: 600,
  Session: 12 * 3600,
  Grant: 30 * 24 * 3600,
};

function errorPage(ctx: any, out: Record<string, unknown>): void {
  ctx.type = 'html';
  const rows = Object.entries(out)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('');
  ctx.body = page('Sign-in problem', `<dl>${rows}</dl>`);
}

/**
 * Local mode's OpenID provider (oidc-provider): authorization code flow with PKCE, discovery,
 * JWKS, userinfo, refresh tokens, RP-initiated logout, assurance levels as `acr` with step-up
 * by `acr_values`, and its own sign-in and consent pages. Keys, cookie keys and storage are
 * fresh at every start.
 */
export async function createLocalOpenIdProvider(options: LocalOpenIdProviderOptions): Promise<LocalOpenIdProvider> {
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  const issuer = options.issuer.replace(/\/$/, '');
  const basePath = new URL(issuer).pathname.replace(/\/$/, '');
  const keys = await generateSigningKeys();
  const store = new MemoryStore();

  const policy = interactionPolicy.base();
  policy
    .get('login')!
    .checks.push(
      new interactionPolicy.Check('acr_values', 'the requested assurance level is not met by the session', (ctx: any) =>
        ctx.oidc.session.accountId && !meets(ctx.oidc.acr, requiredLevel(ctx.oidc.params.acr_values))
          ? interactionPolicy.Check.REQUEST_PROMPT
          : interactionPolicy.Check.NO_NEED_TO_PROMPT,
      ),
    );

  const provider = new Provider(issuer, {
    adapter: store.adapter(),
    jwks: { keys: keys.privateJwks },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret
        ? { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
    })),
    acrValues: [...ASSURANCE_LEVELS],
    claims: {
      // acr and amr belong to every ID token, not only to those whose request asked for them.
      openid: ['sub', 'acr', 'amr'],
      profile: ['name', 'locale'],
      email: ['email', 'email_verified'],
      auth_time: null,
      sid: null,
    },
    conformIdTokenClaims: false,
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    pkce: { required: () => true },
    enabledJWA: { idTokenSigningAlgValues: ['ES256', 'RS256'], userinfoSigningAlgValues: ['ES256', 'RS256'] },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: any, form: string) => {
          ctx.body = page(
            'Sign out',
            `${form}<p>Do you want to sign out of GovHK sign-in?</p><button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button> <button type="submit" form="op.logoutForm">Stay signed in</button>`,
          );
        },
        postLogoutSuccessSource: (ctx: any) => {
          ctx.body = page('Signed out', '<p>You have signed out.</p>');
        },
      },
    },
    issueRefreshToken: async (_ctx: unknown, client: any) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: TTL,
    interactions: { policy, url: (_ctx: unknown, interaction: { uid: string }) => `${basePath}/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = accounts.find((a) => a.subject === sub);
      if (!account) return undefined;
      return {
        accountId: account.subject,
        claims: async () => ({
          sub: account.subject,
          name: account.name,
          email: account.email,
          email_verified: true,
          locale: account.locale,
        }),
      };
    },
    renderError: async (ctx: any, out: Record<string, unknown>) => errorPage(ctx, out),
  });

  if (options.onSignIn) {
    const tell = options.onSignIn;
    provider.on('grant.success', (ctx: any) => {
      const subject = ctx.oidc?.account?.accountId ?? ctx.oidc?.entities?.Account?.accountId;
      const clientId = ctx.oidc?.client?.clientId;
      if (typeof subject === 'string' && typeof clientId === 'string') tell(subject, clientId);
    });
  }
  const interactions = new Interactions(provider, accounts, basePath);
  const callback = provider.callback();

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    if (url !== basePath && !url.startsWith(`${basePath}/`) && !url.startsWith(`${basePath}?`)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const inner = url.slice(basePath.length) || '/';
    const path = inner.split('?')[0];
    if (path.startsWith('/interaction/')) {
      interactions.handle(req, res, path).catch(() => {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end();
        }
      });
      return;
    }
    // oidc-provider routes without the mount path and builds its URLs from originalUrl.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = inner;
    callback(req, res);
  };

  const jwkSet = createLocalJWKSet(keys.jwks);
  const signingKey = await importJWK(keys.es256, 'ES256');

  return {
    issuer,
    listener,
    jwks: keys.jwks,
    async mintIdToken({ subject, audience, acr, amr, claims = {}, ttlSeconds = 3600 }) {
      return new SignJWT({ ...claims, acr, amr })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: keys.es256.kid })
        .setIssuer(issuer)
        .setSubject(subject)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(signingKey);
    },
    async verify(token, audiences) {
      try {
        const { payload } = await jwtVerify(token, jwkSet, { issuer, audience: audiences, algorithms: ['ES256', 'RS256'] });
        return payload;
      } catch {
        return undefined;
      }
    },
    grants(subject) {
      // oidc-provider keeps a grant per client and browser session; a person sees one per client.
      const byClient = new Map<string, { scopes: Set<string>; grantedAt?: number }>();
      for (const { payload } of store.grants()) {
        if (payload.accountId !== subject) continue;
        const entry = byClient.get(payload.clientId) ?? { scopes: new Set<string>(), grantedAt: payload.iat };
        for (const scope of String(payload.openid?.scope ?? '').split(' ')) if (scope) entry.scopes.add(scope);
        if (typeof payload.iat === 'number' && (entry.grantedAt === undefined || payload.iat < entry.grantedAt))
          entry.grantedAt = payload.iat;
        byClient.set(payload.clientId, entry);
      }
      return [...byClient].map(([clientId, { scopes, grantedAt }]) => ({ clientId, scopes: [...scopes], grantedAt }));
    },
    revoke(subject, clientId) {
      const matching = store.grants().filter((g) => g.payload.accountId === subject && g.payload.clientId === clientId);
      for (const g of matching) store.revokeGrant(g.grantId);
      return matching.length > 0;
    },
  };
}
