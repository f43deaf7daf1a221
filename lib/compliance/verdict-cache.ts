import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type App, CfnResource, type IPolicyValidationContext, type PolicyValidationStack, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Verdicts of the compliance checks, per check and stack, kept between synths. A verdict is
 * reused only when its key is unchanged: the stack's template bytes, the acknowledgements that
 * apply to its constructs (with their paths), and the check's name, version and rule set. Only
 * deterministic checks are cached; a missing or unreadable entry means the check runs.
 * CI never reads it (`CI=true`, or `-c compliance-cache=off`), so CI stays the authority.
 */

/** Bumped when what a cached verdict holds changes shape. */
const FORMAT = 1;

export const COMPLIANCE_CACHE_CONTEXT = 'compliance-cache';
/** Where verdicts are kept between synths. @default node_modules/.cache/egov-platform/verdicts */
export const VERDICT_CACHE_ENV = 'EGOV_VERDICT_CACHE';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** How many stacks a check was asked about, and how many of them the cache answered. */
export interface CacheUse {
  readonly stacks: number;
  readonly fromCache: number;
}

export class VerdictCache {
  /** The cache the CLI synth uses, unless CI or the context turns it off. */
  static forApp(
    app: App,
    directory = process.env[VERDICT_CACHE_ENV] ?? path.join(process.cwd(), 'node_modules', '.cache', 'egov-platform', 'verdicts'),
  ) {
    const setting = app.node.tryGetContext(COMPLIANCE_CACHE_CONTEXT);
    const off = setting === 'off' || setting === false || /^(1|true)$/i.test(process.env.CI ?? '');
    return off ? undefined : new VerdictCache(directory);
  }

  constructor(private readonly directory: string) {}

  get<T>(check: string, key: string): T | undefined {
    try {
      const entry = JSON.parse(fs.readFileSync(this.file(check, key), 'utf8')) as { key: string; verdict: T };
      return entry.key === key ? entry.verdict : undefined;
    } catch {
      return undefined;
    }
  }

  put(check: string, key: string, verdict: unknown): void {
    const file = this.file(check, key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, JSON.stringify({ key, verdict }));
    fs.renameSync(partial, file);
  }

  private file(check: string, key: string): string {
    return path.join(this.directory, check.replace(/[^A-Za-z0-9.-]/g, '_'), `${key}.json`);
  }
}

/** The key of one check's verdict on one stack. */
export function verdictKey(check: { name: string; version?: string; rules?: readonly string[] }, stack: StackInput): string {
  return sha256(
    JSON.stringify({
      format: FORMAT,
      check: check.name,
      version: check.version ?? '',
      rules: sha256(JSON.stringify(check.rules ?? [])),
      stack: stackDigest(stack),
    }),
  );
}

/** What every check's key holds of a stack, worked out once per synth of it (five checks ask). */
const stackDigests = new WeakMap<Stack, { templatePath: string; digest: string }>();

function stackDigest(stack: StackInput): string {
  const known = stack.construct ? stackDigests.get(stack.construct) : undefined;
  if (known && known.templatePath === stack.templatePath) return known.digest;
  const digest = sha256(
    JSON.stringify({
      template: templateDigest(stack.templatePath),
      acknowledgements: stack.construct ? acknowledgementsOf(stack.construct) : [],
      resources: stack.construct ? resourcePaths(stack.construct) : [],
    }),
  );
  if (stack.construct) stackDigests.set(stack.construct, { templatePath: stack.templatePath, digest });
  return digest;
}

/** A code asset's object key as CDK names it: the hash of the asset's content. */
const ASSET_KEY = /^[0-9a-f]{64}\.(zip|json)$/;

/**
 * The template's digest for the cache, its code assets' hashes left out: they change with every
 * edit of a function's code and no check reads them (a check sees that a function has code in
 * the asset bucket, never which bytes), so an edit of code alone reuses every verdict.
 */
export function templateDigest(templatePath: string): string {
  const text = fs.readFileSync(templatePath, 'utf8');
  const masked = JSON.stringify(JSON.parse(text), (key, value) => {
    if (key === 'S3Key' && typeof value === 'string' && ASSET_KEY.test(value)) return 'code-asset';
    if (key === 'aws:asset:path' || key === 'aws:asset:hash') return undefined;
    return value;
  });
  return sha256(masked);
}

/** A stack as a validation plugin sees it: its template and, when found, its construct. */
export interface StackInput {
  readonly templatePath: string;
  readonly construct?: Stack;
}

/** The stacks of a validation run, each with its construct (found by template file). */
export function stacksOf(context: IPolicyValidationContext): StackInput[] {
  const byTemplate = new Map<string, Stack>();
  for (const construct of context.appConstruct?.node.findAll() ?? []) {
    if (Stack.isStack(construct)) byTemplate.set(construct.templateFile, construct);
  }
  const stacks: readonly PolicyValidationStack[] =
    context.stackTemplates ?? context.templatePaths.map((templatePath) => ({ templatePath, stackConstructPath: '' }));
  return stacks.map((s) => ({ templatePath: s.templatePath, construct: byTemplate.get(path.basename(s.templatePath)) }));
}

/** Every acknowledgement on the stack, its constructs and its ancestors, with where it was made. */
function acknowledgementsOf(stack: Stack): unknown[] {
  const out: unknown[] = [];
  const record = (construct: IConstruct) => {
    for (const entry of construct.node.metadata) {
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) out.push([construct.node.path, entry.data]);
    }
  };
  for (let scope = stack.node.scope; scope; scope = scope.node.scope) record(scope);
  for (const construct of stack.node.findAll()) record(construct);
  return out;
}

function resourcePaths(stack: Stack): string[] {
  return stack.node.findAll().flatMap((c) => (CfnResource.isCfnResource(c) ? [c.node.path] : []));
}
