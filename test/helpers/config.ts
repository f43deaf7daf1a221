import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { ConfigError, type ConfigIssue } from '../../lib/config/issues';
import { parseConfig } from '../../lib/config/load';
import { REPO_ROOT } from './platform';

const defaultText = fs.readFileSync(path.join(REPO_ROOT, 'config', 'default.yaml'), 'utf8');

/** Every problem of the default config with one change applied to its parsed form; none when it is valid. */
export function defaultConfigIssues(change: (raw: any) => void): ConfigIssue[] {
  const raw = parse(defaultText);
  change(raw);
  try {
    parseConfig(stringify(raw), 'test.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  return [];
}
