/** One problem found in a config: where, what was there, what is wrong and how to fix it. */
export interface ConfigIssue {
  /** Dotted path to the value, like `departments[1].cidr`. */
  readonly path: string;
  readonly value: unknown;
  readonly message: string;
  readonly fix: string;
}

/** Thrown when a config has problems; carries every problem found, not just the first. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(formatIssues(source, issues));
    this.name = 'ConfigError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function formatIssues(source: string, issues: readonly ConfigIssue[]): string {
  const lines = issues.map((i) => `  - ${i.path || '(top level)'}: ${formatValue(i.value)} ${i.message}.\n    Fix: ${i.fix}`);
  return `${source} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}
