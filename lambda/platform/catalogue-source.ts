import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PlatformCatalogue } from './catalogue';

/** File the stack bundles next to the handler, built from the config at synth. */
export const CATALOGUE_FILE = 'catalogue.json';

let cached: PlatformCatalogue | undefined;

/** The catalogue: from PLATFORM_CATALOGUE in local mode, else the file bundled with the function. */
export function loadCatalogue(): PlatformCatalogue {
  if (cached) return cached;
  const text = process.env.PLATFORM_CATALOGUE ?? readFileSync(path.join(process.env.LAMBDA_TASK_ROOT ?? '.', CATALOGUE_FILE), 'utf8');
  cached = JSON.parse(text) as PlatformCatalogue;
  return cached;
}
