import * as z from 'zod';
import type { ConfigIssue } from './issues';

const httpsUrl = z.url({ protocol: /^https$/, message: 'write an https:// URL' });

/** Where an OpenID provider sends people back: https, or http on localhost for development (as Cognito allows). */
const redirectUrl = z
  .url({ message: 'write an https:// URL' })
  .refine(
    (u) => u.startsWith('https://') || /^http:\/\/localhost(:\d+)?(\/|$)/.test(u),
    'use https://, or http://localhost for development',
  )
  .refine((u) => !u.includes('#'), 'a redirect URL has no fragment');

const clientId = z.string().regex(/^[\w.@:/-]{1,255}$/, 'write the client id the provider gave the platform');

const secretArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/, 'write a Secrets Manager secret ARN');

/** An OpenID provider the platform signs people in through, as a relying party of its own. */
const openIdProvider = z.strictObject({
  issuer: httpsUrl,
  clientId,
  /** The Secrets Manager secret holding the client secret, read when the stack deploys. */
  clientSecretArn: secretArn,
});

/** A service that signs people in: an app client of its pool, with the authorization code flow and PKCE. */
const relyingParty = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'use 2 to 40 lower-case letters, digits or hyphens, like govhk-portal'),
  /** Whose sign-in it asks for. */
  audience: z.enum(['citizen', 'staff']),
  callbackUrls: z.array(redirectUrl).min(1).max(100),
  /** Where people land after signing out. @default - none */
  logoutUrls: z.array(redirectUrl).max(100).default([]),
  /**
   * A server-side application that keeps a client secret; public clients (mobile apps and
   * single-page applications) rely on PKCE alone.
   * @default false
   */
  confidential: z.boolean().default(false),
});

/**
 * How people sign in to the platform's user pools, in AWS: the identity providers behind them,
 * the managed login pages and the services that sign people in.
 */
export const identitySchema = z
  .strictObject({
    /**
     * The smart identity card's OpenID provider: citizens who sign in through it reach
     * `verified` (or the level it names in `acr`).
     * @default - none: citizens sign in with the pool's password, at `basic`
     */
    identityCard: openIdProvider.optional(),
    /**
     * The government directory staff sign in through, SAML or OpenID Connect; it supplies each
     * member's department and roles.
     * @default - none: staff sign in with the staff pool's password and second factor
     */
    staffDirectory: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('saml'), metadataUrl: httpsUrl }),
        openIdProvider.extend({ kind: z.literal('oidc') }),
      ])
      .optional(),
    /**
     * An ACM certificate in us-east-1 (where managed login's custom domains must have theirs)
     * covering `login.<platform.domain>` and `staff-login.<platform.domain>`.
     * @default - the pools' managed login at Cognito's own domains
     */
    loginCertificateArn: z
      .string()
      .regex(
        /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
        'write an ACM certificate ARN of us-east-1, where managed login needs it',
      )
      .optional(),
    /**
     * Start of the pools' Cognito domains, `<this>-citizen-login` and `<this>-staff-login`, used
     * when the login has no custom domain. Cognito's domain prefixes are shared by every account
     * in a region, so pick one no one else has.
     * @default - platform.prefix
     */
    loginDomainPrefix: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, 'use lower-case letters, digits and inner hyphens, up to 50')
      .optional(),
    relyingParties: z.array(relyingParty).default([]),
  })
  .prefault({});

export type IdentityConfig = z.infer<typeof identitySchema>;

/** The Cognito domain prefix of a pool's login. */
export function loginDomainPrefix(identity: IdentityConfig, platformPrefix: string, audience: 'citizen' | 'staff'): string {
  return `${identity.loginDomainPrefix ?? platformPrefix}-${audience}-login`;
}
export type RelyingPartyConfig = z.infer<typeof relyingParty>;
export type OpenIdProviderConfig = z.infer<typeof openIdProvider>;

/** Checks of the identity block that need other parts of the config. */
export function identityIssues(identity: IdentityConfig, platformPrefix: string, domain: string | undefined): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const prefix = loginDomainPrefix(identity, platformPrefix, 'citizen');
  if (/aws|amazon|cognito/.test(prefix)) {
    issues.push({
      path: identity.loginDomainPrefix ? 'identity.loginDomainPrefix' : 'platform.prefix',
      value: identity.loginDomainPrefix ?? platformPrefix,
      message: 'Cognito refuses a login domain containing aws, amazon or cognito',
      fix: 'set identity.loginDomainPrefix to a name without those words',
    });
  }
  if (identity.loginCertificateArn && !domain) {
    issues.push({
      path: 'identity.loginCertificateArn',
      value: identity.loginCertificateArn,
      message: 'a login certificate needs platform.domain, under which the login hosts are named',
      fix: 'set platform.domain, or remove identity.loginCertificateArn to use Cognito’s own domains',
    });
  }
  const seen = new Map<string, number>();
  identity.relyingParties.forEach((party, i) => {
    const first = seen.get(party.name);
    if (first !== undefined) {
      issues.push({
        path: `identity.relyingParties[${i}].name`,
        value: party.name,
        message: `the name is already used by identity.relyingParties[${first}]`,
        fix: 'give each relying party a name of its own',
      });
    } else seen.set(party.name, i);
  });
  return issues;
}
