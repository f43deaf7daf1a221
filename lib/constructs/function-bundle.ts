import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { type BuildOptions, buildSync } from 'esbuild';

/** Modules replaced in bundles: the SDK's default credential chain by environment credentials only. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': path.join(__dirname, '..', '..', 'lambda', 'shared', 'lambda-credentials.ts'),
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

const bundles = new Map<string, string>();

/**
 * Bundles a handler with the local esbuild, in this process, once per entry and set of files.
 * CDK's NodejsFunction starts esbuild through `npx` for every function, which costs most of a
 * second each; a platform with a dozen functions spent more time starting esbuild than in it.
 * Returns the folder holding `index.mjs`, its source map and the files.
 */
export function bundleHandler(entry: string, files: Readonly<Record<string, string>> = {}): string {
  const key = createHash('sha256').update(entry).update(JSON.stringify(files)).digest('hex');
  const cached = bundles.get(key);
  if (cached) return cached;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'egov-bundle-'));
  buildSync({ ...ESBUILD_OPTIONS, entryPoints: [entry], outfile: path.join(outdir, 'index.mjs') });
  for (const [name, content] of Object.entries(files)) {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`Bundled file name '${name}' must be a plain file name.`);
    fs.writeFileSync(path.join(outdir, name), content);
  }
  bundles.set(key, outdir);
  return outdir;
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
