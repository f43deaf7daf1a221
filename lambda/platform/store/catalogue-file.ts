import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PlatformCatalogue } from '../domain/catalogue';
import { platformService } from '../routes';
import { CATALOGUE_FILE } from '../storage';

/** The catalogue: from the environment in local mode, else the file bundled with the function. */
export function readCatalogue(env: NodeJS.ProcessEnv = process.env): PlatformCatalogue {
  const text = env[platformService.environment.catalogue] ?? readFileSync(path.join(env.LAMBDA_TASK_ROOT ?? '.', CATALOGUE_FILE), 'utf8');
  return JSON.parse(text) as PlatformCatalogue;
}
