import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import type * as z from 'zod';
import { ConfigError, type ConfigIssue, formatPath } from './issues';
import { type PlatformConfig, platformConfigSchema } from './schema';
import { semanticIssues } from './semantic-checks';

/** The config a fresh clone synthesizes. */
export const DEFAULT_CONFIG_PATH = path.join(__dirname, '..', '..', 'config', 'default.yaml');

/** Reads, parses and validates a platform config file; throws ConfigError listing every problem. */
export function loadConfig(file: string = DEFAULT_CONFIG_PATH): PlatformConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [
      {
        path: '',
        value: file,
        message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
        fix: 'pass the path of an existing YAML file',
      },
    ]);
  }
  return parseConfig(text, file);
}

/**
 * Aliases a config may use. Anchors and aliases are natural for lists repeated per department
 * (`services: *all`); the cap still stops a document that expands without bound.
 */
const MAX_ALIASES = 10_000;

/** Validates config text; `source` names it in messages. */
export function parseConfig(text: string, source = 'config'): PlatformConfig {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : 'the document',
        value: undefined,
        message: `is not valid YAML: ${e.message.split('\n')[0]}`,
        fix: 'correct the YAML syntax (indentation, quotes, colons)',
      })),
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new ConfigError(source, [
      {
        path: 'the document',
        value: undefined,
        message: `cannot be read: ${(err as Error).message.split('\n')[0]}`,
        fix: `use anchors and aliases (&name, *name) fewer than ${MAX_ALIASES} times, and let no alias refer to itself`,
      },
    ]);
  }
  return validateConfig(raw, source);
}

/** Validates an already-parsed config object. */
export function validateConfig(raw: unknown, source = 'config'): PlatformConfig {
  const parsed = platformConfigSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(source, parsed.error.issues.map(schemaIssue));
  }
  const issues = semanticIssues(parsed.data);
  if (issues.length > 0) throw new ConfigError(source, issues);
  return parsed.data;
}

function schemaIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const path = formatPath(issue.path);
  const value = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        path,
        value: issue.keys.join(', '),
        message: `${issue.keys.length === 1 ? 'is not a known setting' : 'are not known settings'}`,
        fix: 'remove it, or correct its spelling',
      };
    case 'invalid_type':
      return {
        path,
        value,
        message: value === undefined ? 'is required' : `should be ${article(issue.expected)}`,
        fix: value === undefined ? `add ${path} (${issue.expected})` : `write ${article(issue.expected)} here`,
      };
    case 'invalid_value':
      return { path, value, message: 'is not an allowed value', fix: `use one of: ${issue.values.map(String).join(', ')}` };
    case 'too_small':
    case 'too_big': {
      const isSize = issue.origin === 'array' || issue.origin === 'string';
      const bound = `${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}`;
      const unit = issue.origin === 'array' ? ' entries' : issue.origin === 'string' ? ' characters' : '';
      return {
        path,
        value,
        message: `is ${issue.code === 'too_small' ? 'too small' : 'too large'}`,
        fix: isSize ? `give ${bound}${unit}` : `use a value ${bound}`,
      };
    }
    case 'invalid_format':
      return { path, value, message: 'is not in the expected form', fix: issue.message };
    default:
      return { path, value, message: 'is not allowed', fix: issue.message };
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
