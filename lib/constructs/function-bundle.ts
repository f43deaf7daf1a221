import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { type BuildOptions, buildSync, version as esbuildVersion } from 'esbuild';
import { type RegisteredService, SERVICES } from '../../lambda/registry';

const REPO_ROOT = path.join(__dirname, '..', '..');

/** Modules replaced in bundles: the SDK's default credential chain by environment credentials only. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': path.join(REPO_ROOT, 'lambda', 'shared', 'lambda-credentials.ts'),
};

/**
 * How every function is bundled: ESM, minified, with source maps, the AWS SDK included so the
 * version is pinned by our lockfile, and `module` entry points first so esbuild can tree-shake;
 * the SDK's default credential chain is replaced by the environment credentials Lambda provides.
 * The banner gives CommonJS dependencies the `require` that ESM lacks.
 */
export const ESBUILD_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  alias: { ...BUNDLE_ALIASES },
  logLevel: 'error',
};

/** Where bundles are kept between synths. @default node_modules/.cache/egov-platform/bundles */
export const BUNDLE_CACHE_ENV = 'EGOV_BUNDLE_CACHE';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Every handler file the platform declares (its services' and the user pools' trigger), as absolute paths. */
export function declaredEntries(): string[] {
  const entries = Object.values(SERVICES).flatMap((service: RegisteredService) => [
    ...Object.values(service.definition.functions),
    ...Object.values(service.definition.authorizers ?? {}).map((a) => a.entry),
    ...Object.values(service.triggers ?? {}).map((t) => t.entry),
  ]);
  return [...new Set(entries.map((entry) => path.resolve(REPO_ROOT, entry)))].sort();
}

interface BuildManifest {
  /** Every file esbuild read, relative to the repository root, with its SHA-256. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Output file of each entry (absolute path of the entry to path under `outdir`). */
  readonly outputs: Readonly<Record<string, string>>;
  readonly outdir: string;
}

function cacheRoot(): string {
  return process.env[BUNDLE_CACHE_ENV] ?? path.join(REPO_ROOT, 'node_modules', '.cache', 'egov-platform', 'bundles');
}

/** Whether every input a build read is as it was then: a hit costs reading and hashing them. */
function stillFresh(manifest: BuildManifest): boolean {
  if (!fs.existsSync(manifest.outdir)) return false;
  return Object.entries(manifest.inputs).every(([file, hash]) => {
    try {
      return sha256(fs.readFileSync(path.join(REPO_ROOT, file))) === hash;
    } catch {
      return false;
    }
  });
}

function readManifest(file: string): BuildManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BuildManifest;
  } catch {
    return undefined;
  }
}

/**
 * Bundles all the entries in one esbuild build (esbuild spreads one build over every core), or
 * reuses the last build of the same entries and options when no file it read has changed. The
 * key covers esbuild's version, the options and the entries; freshness covers every input file
 * esbuild's metafile lists. A corrupt or missing cache entry only means building again.
 */
export function bundleEntries(entries: readonly string[]): BuildManifest {
  const root = cacheRoot();
  const key = sha256(JSON.stringify({ esbuildVersion, options: ESBUILD_OPTIONS, entries }));
  const manifestFile = path.join(root, `${key}.json`);
  const cached = readManifest(manifestFile);
  if (cached && stillFresh(cached)) return cached;

  const outdir = path.join(root, `${key.slice(0, 16)}-${randomUUID()}`);
  const result = buildSync({
    ...ESBUILD_OPTIONS,
    entryPoints: [...entries],
    outdir,
    outbase: REPO_ROOT,
    absWorkingDir: REPO_ROOT,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  });
  const inputs: Record<string, string> = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    // esbuild names some inputs by namespace (like `<runtime>`); only files on disk are tracked.
    const full = path.join(REPO_ROOT, file);
    if (fs.existsSync(full)) inputs[file] = sha256(fs.readFileSync(full));
  }
  const outputs: Record<string, string> = {};
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) outputs[path.resolve(REPO_ROOT, meta.entryPoint)] = path.relative(outdir, path.resolve(REPO_ROOT, output));
  }
  const manifest: BuildManifest = { inputs, outputs, outdir };
  fs.mkdirSync(root, { recursive: true });
  if (cached && cached.outdir !== outdir) fs.rmSync(cached.outdir, { recursive: true, force: true });
  // Written last and renamed into place, so a synth stopped midway leaves no manifest to trust.
  const partial = `${manifestFile}.${process.pid}.tmp`;
  fs.writeFileSync(partial, JSON.stringify(manifest));
  fs.renameSync(partial, manifestFile);
  return manifest;
}

let platformBuild: BuildManifest | undefined;

/**
 * The folder holding a handler's `index.mjs`, its source map and its bundled files. The first
 * call bundles every declared handler at once (and this entry, if it is not declared); the
 * folder's content is the output alone, so its asset hash changes only when the bundle does.
 */
export function bundleHandler(entry: string, files: Readonly<Record<string, string>> = {}): string {
  const absolute = path.resolve(entry);
  if (!platformBuild?.outputs[absolute]) {
    platformBuild = bundleEntries([...new Set([...declaredEntries(), absolute])].sort());
  }
  const output = path.join(platformBuild.outdir, platformBuild.outputs[absolute]);
  const code = fs.readFileSync(output, 'utf8').replace(/\/\/# sourceMappingURL=[^\n]*\s*$/, '//# sourceMappingURL=index.mjs.map\n');
  const map = fs.readFileSync(`${output}.map`);
  const folder = path.join(cacheRoot(), 'functions', sha256(JSON.stringify([code, sha256(map), files])));
  if (!fs.existsSync(path.join(folder, 'index.mjs'))) {
    for (const name of Object.keys(files)) {
      if (!/^[\w.-]+$/.test(name)) throw new Error(`Bundled file name '${name}' must be a plain file name.`);
    }
    const partial = `${folder}.${process.pid}.tmp`;
    fs.mkdirSync(partial, { recursive: true });
    fs.writeFileSync(path.join(partial, 'index.mjs.map'), map);
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(partial, name), content);
    fs.writeFileSync(path.join(partial, 'index.mjs'), code);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.renameSync(partial, folder);
  }
  return folder;
}

let placeholder: string | undefined;

/**
 * A function's code: its bundle, or, when this synth does not bundle the stack (the
 * `aws:cdk:bundling-stacks` context of unit tests), a placeholder, as CDK does for NodejsFunction.
 */
export function handlerCode(scope: IConstruct, entry: string, files?: Readonly<Record<string, string>>): lambda.Code {
  if (!Stack.of(scope).bundlingRequired) {
    placeholder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'egov-unbundled-'));
    return lambda.Code.fromAsset(placeholder);
  }
  return lambda.Code.fromAsset(bundleHandler(entry, files));
}
