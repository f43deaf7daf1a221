import type { ScpDocument, ScpStatement } from './document';

/** One request, as an SCP sees it. */
export interface RequestCase {
  /** Like `s3:PutObject`. */
  readonly action: string;
  /** Becomes `aws:RequestedRegion`. */
  readonly region: string;
  /** Becomes `aws:PrincipalARN`. */
  readonly principal: string;
  /** @default '*' - a resource every statement's Resource matches only if it is '*' */
  readonly resource?: string;
  /** Further condition keys of the request, like `{ 's3:x-amz-server-side-encryption': 'AES256' }`. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/**
 * A small evaluator of Deny statements, enough for the platform's own SCPs: Action or NotAction,
 * Resource, and the condition operators they use (String[Not]Equals, String[Not]Like,
 * Arn[Not]Like, Null, Bool, and ForAnyValue:StringNotEquals), with IAM's rule for a key the
 * request lacks: a negated operator matches, a positive one does not, Null tests absence.
 * Keys are case-insensitive; values are compared as IAM compares them (case-sensitive).
 */
export function deniedBy(document: ScpDocument, request: RequestCase): ScpStatement[] {
  return document.Statement.filter((s) => s.Effect === 'Deny' && statementMatches(s, request));
}

function statementMatches(statement: ScpStatement, request: RequestCase): boolean {
  const actionMatches =
    statement.Action !== undefined
      ? list(statement.Action).some((p) => glob(p, request.action, true))
      : !list(statement.NotAction ?? []).some((p) => glob(p, request.action, true));
  if (!actionMatches) return false;
  const resource = request.resource ?? '*';
  if (!list(statement.Resource).some((p) => p === '*' || glob(p, resource, false))) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => conditionHolds(operator, contextValue(request, key), list(expected))),
  );
}

function contextValue(request: RequestCase, key: string): readonly string[] | undefined {
  const k = key.toLowerCase();
  if (k === 'aws:requestedregion') return [request.region];
  if (k === 'aws:principalarn') return [request.principal];
  const entry = Object.entries(request.context ?? {}).find(([name]) => name.toLowerCase() === k);
  return entry ? list(entry[1]) : undefined;
}

const OPERATORS: Record<string, (actual: string, expected: string) => boolean> = {
  StringEquals: (a, e) => a === e,
  StringLike: (a, e) => glob(e, a, false),
  ArnLike: (a, e) => glob(e, a, false),
  Bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
};
const NEGATIONS: Record<string, string> = { StringNotEquals: 'StringEquals', StringNotLike: 'StringLike', ArnNotLike: 'ArnLike' };

function conditionHolds(operator: string, actual: readonly string[] | undefined, expected: readonly string[]): boolean {
  if (operator === 'Null') return (actual === undefined) === (expected[0] === 'true');
  if (operator.startsWith('ForAnyValue:')) {
    if (actual === undefined) return false;
    return actual.some((a) => conditionHolds(operator.slice('ForAnyValue:'.length), [a], expected));
  }
  const negated = NEGATIONS[operator];
  if (negated) {
    if (actual === undefined) return true;
    return !actual.some((a) => expected.some((e) => OPERATORS[negated](a, e)));
  }
  const test = OPERATORS[operator];
  if (!test) throw new Error(`The evaluator does not know the condition operator ${operator}: add it before a policy uses it.`);
  if (actual === undefined) return false;
  return actual.some((a) => expected.some((e) => test(a, e)));
}

/** IAM wildcards: `*` any run of characters, `?` one; actions compare without regard to case. */
function glob(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

function list<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
