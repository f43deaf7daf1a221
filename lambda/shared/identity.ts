import { PLATFORM_ENVIRONMENT } from '../../lib/contract/environment';
import { departmentOfRoleName } from '../../lib/contract/roles';
import { type AssuranceLevel, isAssuranceLevel } from './assurance';

/** Who is calling, as established by the API's authorizer (or local mode acting as one). */
export type Caller =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'citizen';
      readonly subject: string;
      /** How sure the platform is of who they are, from the token's `acr` or, in the citizen pool's tokens, its `assurance`. */
      readonly assurance: AssuranceLevel;
    }
  | {
      readonly kind: 'staff';
      readonly subject: string;
      /** Code of the staff member's department, when they belong to one. */
      readonly department?: string;
      /** Roles within the department, like `officer` or `publisher`. */
      readonly roles: readonly string[];
      readonly groups: readonly string[];
    }
  /** A department's workload, identified by its IAM role or its API key. */
  | { readonly kind: 'department-principal'; readonly principal: string; readonly department: string; readonly via: 'iam' }
  /** A client authenticated by a service's own scheme (Notify's JWT, Pay's API keys). */
  | { readonly kind: 'client'; readonly scheme: string; readonly principal: string; readonly attributes: Readonly<Record<string, string>> };

export const PLATFORM_ADMIN_GROUP = 'platform-admin';
/** Staff of the government CERT, who see and triage every department's incidents. */
export const CERT_ANALYST_GROUP = 'cert-analyst';
export const OFFICER_ROLE = 'officer';

/** Claim names of the staff and citizen tokens; the user pools define these attributes. */
export const CLAIMS = {
  department: 'custom:department',
  roles: 'custom:roles',
  groups: 'cognito:groups',
  /**
   * The level of this sign-in in the citizen pool's tokens, written by the pool's trigger
   * (Cognito keeps `acr` for values of its own).
   */
  assurance: 'assurance',
  /** The level of this sign-in from an OpenID provider that names it in `acr`, as local mode's does. */
  acr: 'acr',
  /**
   * The citizen pool's attribute holding the identity card provider's `acr` for the person's
   * last sign-in there, written by the provider's attribute mapping; an input of the pool's
   * trigger, never a level by itself.
   */
  cardAcr: 'custom:card_acr',
} as const;

export function isPlatformAdmin(caller: Caller): boolean {
  return caller.kind === 'staff' && caller.groups.includes(PLATFORM_ADMIN_GROUP);
}

/** The department a caller may act for as an officer, if any. */
export function officerDepartment(caller: Caller): string | undefined {
  if (caller.kind === 'staff' && caller.department && caller.roles.includes(OFFICER_ROLE)) return caller.department;
  if (caller.kind === 'department-principal') return caller.department;
  return undefined;
}

export interface IdentityEnvironment {
  /** Issuer (`iss`) of citizen tokens. */
  readonly citizenIssuer?: string;
  /** Issuer (`iss`) of government staff tokens. */
  readonly staffIssuer?: string;
  /** Stack prefix: department roles are named `<prefix>-dept-<code>-<role>`. */
  readonly platformPrefix?: string;
}

export function identityEnvironment(env: NodeJS.ProcessEnv = process.env): IdentityEnvironment {
  return {
    citizenIssuer: env[PLATFORM_ENVIRONMENT.citizenTokenIssuer],
    staffIssuer: env[PLATFORM_ENVIRONMENT.staffTokenIssuer],
    platformPrefix: env[PLATFORM_ENVIRONMENT.platformPrefix],
  };
}

/** The parts of API Gateway's request context that identify a caller. */
export interface AuthorizerContext {
  readonly authorizer?: Readonly<Record<string, unknown>> | null;
  readonly identity?: { readonly userArn?: string | null; readonly apiKeyId?: string | null } | null;
}

/** API Gateway passes list claims as `a,b` or `[a, b]`; tokens carry real arrays. */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .filter(Boolean);
}

/**
 * Establishes the caller from what the authorizer left in the request context. The token was
 * already verified by API Gateway's Cognito authorizer (or by local mode, which verifies the
 * same way); this only reads it.
 */
export function callerFromContext(ctx: AuthorizerContext, env: IdentityEnvironment): Caller {
  const authorizer = ctx.authorizer ?? {};
  const claims = authorizer.claims as Record<string, unknown> | undefined;
  if (claims && typeof claims.sub === 'string') {
    const issuer = String(claims.iss ?? '');
    if (env.staffIssuer && issuer === env.staffIssuer) {
      const department = claims[CLAIMS.department];
      return {
        kind: 'staff',
        subject: claims.sub,
        department: typeof department === 'string' && department ? department.toUpperCase() : undefined,
        roles: listClaim(claims[CLAIMS.roles]),
        groups: listClaim(claims[CLAIMS.groups]),
      };
    }
    if (env.citizenIssuer && issuer === env.citizenIssuer) return { kind: 'citizen', subject: claims.sub, assurance: assuranceOf(claims) };
    return { kind: 'anonymous' };
  }
  if (typeof authorizer.scheme === 'string' && typeof authorizer.principalId === 'string') {
    const attributes = Object.fromEntries(
      Object.entries(authorizer).filter(([k, v]) => typeof v === 'string' && k !== 'scheme' && k !== 'principalId'),
    ) as Record<string, string>;
    return { kind: 'client', scheme: authorizer.scheme, principal: authorizer.principalId, attributes };
  }
  const userArn = ctx.identity?.userArn;
  if (userArn && env.platformPrefix) {
    const department = departmentFromRoleArn(userArn, env.platformPrefix);
    if (department) return { kind: 'department-principal', principal: userArn, department, via: 'iam' };
  }
  // An API key meters a caller; it never identifies one.
  return { kind: 'anonymous' };
}

/** The sign-in's level: its `acr` when it names one of ours, else the pool trigger's `assurance` claim, else `basic`. */
function assuranceOf(claims: Record<string, unknown>): AssuranceLevel {
  const acr = claims[CLAIMS.acr];
  if (isAssuranceLevel(acr)) return acr;
  const level = claims[CLAIMS.assurance];
  return isAssuranceLevel(level) ? level : 'basic';
}

/** `arn:…:assumed-role/<prefix>-dept-<code>-<role>/<session>` → `<CODE>`. */
export function departmentFromRoleArn(arn: string, prefix: string): string | undefined {
  const match = /:assumed-role\/([^/]+)\//.exec(arn) ?? /:role\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!match) return undefined;
  return departmentOfRoleName(match[1], prefix);
}
