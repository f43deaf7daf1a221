/**
 * A small evaluator of CloudWatch Logs JSON filter patterns, enough for the CIS patterns:
 * `{ ... }` around comparisons `$.a.b = value`, `!=`, `NOT EXISTS`, joined by `&&`, `||` and
 * parentheses; quoted values may use `*` as a wildcard. It lets tests run the patterns
 * against sample CloudTrail events.
 */
type Token = { kind: 'op' | 'selector' | 'value'; text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(\{|\}|\(|\)|&&|\|\||!=|=|NOT EXISTS|\$[\w.]+|"(?:[^"\\]|\\.)*"|[^\s(){}=!&|]+)/y;
  re.lastIndex = 0;
  while (re.lastIndex < pattern.length) {
    const match = re.exec(pattern);
    if (!match) break;
    const text = match[1];
    if (text.startsWith('$')) tokens.push({ kind: 'selector', text });
    else if (['{', '}', '(', ')', '&&', '||', '!=', '=', 'NOT EXISTS'].includes(text)) tokens.push({ kind: 'op', text });
    else tokens.push({ kind: 'value', text: text.startsWith('"') ? JSON.parse(text) : text });
    if (/^\s*$/.test(pattern.slice(re.lastIndex))) break;
  }
  if (re.lastIndex < pattern.trimEnd().length) throw new Error(`cannot read pattern at ${re.lastIndex}: ${pattern.slice(re.lastIndex)}`);
  return tokens;
}

function lookup(event: unknown, selector: string): unknown {
  return selector
    .slice(2)
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), event);
}

function matchesValue(actual: unknown, expected: string): boolean {
  if (actual === undefined || actual === null) return false;
  const pattern = new RegExp(
    `^${expected
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return pattern.test(String(actual));
}

/** Parses a pattern into a predicate over events; throws on syntax it does not know. */
export function compileFilter(pattern: string): (event: unknown) => boolean {
  const tokens = tokenize(pattern);
  let at = 0;
  const peek = () => tokens[at];
  const expect = (text: string) => {
    if (peek()?.text !== text) throw new Error(`expected ${text} at token ${at} of ${pattern}`);
    at++;
  };
  type Node = (event: unknown) => boolean;
  const comparison = (): Node => {
    const selector = tokens[at++];
    if (selector?.kind !== 'selector') throw new Error(`expected a selector at token ${at - 1} of ${pattern}`);
    const op = tokens[at++]?.text;
    if (op === 'NOT EXISTS') return (e) => lookup(e, selector.text) === undefined;
    const value = tokens[at++];
    if (value?.kind !== 'value' || (op !== '=' && op !== '!=')) throw new Error(`bad comparison at token ${at} of ${pattern}`);
    return op === '='
      ? (e) => matchesValue(lookup(e, selector.text), value.text)
      : (e) => !matchesValue(lookup(e, selector.text), value.text);
  };
  const factor = (): Node => {
    if (peek()?.text === '(') {
      at++;
      const inner = or();
      expect(')');
      return inner;
    }
    return comparison();
  };
  const and = (): Node => {
    const parts = [factor()];
    while (peek()?.text === '&&') {
      at++;
      parts.push(factor());
    }
    return (e) => parts.every((p) => p(e));
  };
  const or = (): Node => {
    const parts = [and()];
    while (peek()?.text === '||') {
      at++;
      parts.push(and());
    }
    return (e) => parts.some((p) => p(e));
  };
  expect('{');
  const root = or();
  expect('}');
  if (at !== tokens.length) throw new Error(`unexpected tokens after the pattern: ${pattern}`);
  return root;
}
