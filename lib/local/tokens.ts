import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { AssuranceLevel } from '../../lambda/shared/assurance';
import { CERT_ANALYST_GROUP, CLAIMS, OFFICER_ROLE, PLATFORM_ADMIN_GROUP } from '../../lambda/shared/identity';

/** Issuers of local tokens; local mode tells the handlers to trust these, as Cognito's in AWS. */
export const LOCAL_ISSUERS = { citizen: 'local:citizen-pool', staff: 'local:staff-pool' } as const;
const AUDIENCE = 'egov-platform-local';

export type Pool = keyof typeof LOCAL_ISSUERS;

/**
 * Signs and verifies the bearer tokens of local mode. They carry the same claims as the ID
 * tokens of the citizen and staff user pools, so handlers see the same caller locally as in AWS.
 */
/** Who issues and verifies citizens' tokens when local mode runs an OpenID provider. */
export interface CitizenAuthority {
  readonly issuer: string;
  mint(subject: string, assurance: AssuranceLevel): Promise<string>;
  /** The token's claims, or undefined when it is not one of the provider's, valid for a local client. */
  verify(token: string): Promise<Record<string, unknown> | undefined>;
}

export class LocalTokens {
  private authority?: CitizenAuthority;

  constructor(private readonly secret: Uint8Array = randomBytes(32)) {}

  /** Citizens' tokens come from the OpenID provider from now on, verified through its JWKS. */
  useCitizenAuthority(authority: CitizenAuthority): void {
    this.authority = authority;
  }

  /** The `iss` of citizens' tokens. */
  get citizenIssuer(): string {
    return this.authority?.issuer ?? LOCAL_ISSUERS.citizen;
  }

  async issue(pool: Pool, subject: string, claims: Record<string, string | string[]> = {}, ttlSeconds = 12 * 3600): Promise<string> {
    return new SignJWT({ token_use: 'id', ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(LOCAL_ISSUERS[pool])
      .setAudience(AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.secret);
  }

  /** A citizen's token, signed in at the given assurance level (`acr`). */
  citizen(subject = 'citizen-demo', assurance: AssuranceLevel = 'basic'): Promise<string> {
    if (this.authority) return this.authority.mint(subject, assurance);
    return this.issue('citizen', subject, { email: 'citizen@example.hk', [CLAIMS.acr]: assurance });
  }

  officer(department: string): Promise<string> {
    // Local officers may also check identity cards' status, so the demo reaches every route.
    return this.issue('staff', `officer-${department.toLowerCase()}`, {
      [CLAIMS.department]: department,
      [CLAIMS.roles]: [OFFICER_ROLE, 'card-verification'],
    });
  }

  /** A staff member of a department with the given roles, like a records manager. */
  staff(subject: string, department: string, roles: readonly string[]): Promise<string> {
    return this.issue('staff', subject, { [CLAIMS.department]: department, [CLAIMS.roles]: [...roles] });
  }

  analyst(): Promise<string> {
    return this.issue('staff', 'cert-analyst', { [CLAIMS.groups]: [CERT_ANALYST_GROUP] });
  }

  admin(): Promise<string> {
    return this.issue('staff', 'platform-admin', { [CLAIMS.groups]: [PLATFORM_ADMIN_GROUP] });
  }

  /**
   * Verifies a token from the given pool as a Cognito authorizer does and returns its claims
   * flattened to strings the way API Gateway passes them; undefined when it is not valid.
   */
  async verify(token: string, pool: Pool): Promise<Record<string, string> | undefined> {
    const flatten = (payload: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
    if (pool === 'citizen' && this.authority) {
      const payload = await this.authority.verify(token);
      return payload ? flatten(payload) : undefined;
    }
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: LOCAL_ISSUERS[pool], audience: AUDIENCE, algorithms: ['HS256'] });
      return flatten(payload);
    } catch {
      return undefined;
    }
  }
}
