import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { validateConfig } from '../../lib/config/load';
import type { PlatformConfig } from '../../lib/config/schema';
import { REPO_ROOT } from '../helpers/platform';

const DEFAULT_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'config', 'default.yaml'), 'utf8');

/** The default config with one change applied to its parsed form, validated. */
export function configVariant(change: (raw: any) => void): PlatformConfig {
  const raw = parse(DEFAULT_TEXT);
  change(raw);
  return validateConfig(raw, 'variant');
}
