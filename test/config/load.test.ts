import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { ConfigError, type ConfigIssue } from '../../lib/config/issues';
import { loadConfig, parseConfig } from '../../lib/config/load';
import { REPO_ROOT } from '../helpers/platform';

const defaultText = fs.readFileSync(path.join(REPO_ROOT, 'config', 'default.yaml'), 'utf8');

/** The default config with one change applied to its parsed form. */
function variant(change: (raw: any) => void): string {
  const raw = parse(defaultText);
  change(raw);
  return stringify(raw);
}

function issuesOf(text: string): ConfigIssue[] {
  try {
    parseConfig(text, 'test.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  throw new Error('expected the config to be refused');
}

describe('loadConfig', () => {
  it('accepts the default config and fills defaults', () => {
    const config = loadConfig();
    expect(config.platform.region).toBe('ap-east-1');
    expect(config.departments.map((d) => d.code)).toEqual(['DPO', 'TD', 'FEHD']);
    expect(config.services.internal).toEqual(['ehr']);
  });

  it('reports a bad CIDR, a duplicate code and an unknown service together', () => {
    const issues = issuesOf(fs.readFileSync(path.join(__dirname, 'fixtures', 'three-problems.yaml'), 'utf8'));
    expect(issues.map((i) => i.path)).toEqual(['departments[1].cidr', 'departments[1].code', 'services.enabled[1]']);
    expect(issues.map((i) => i.value)).toEqual(['10.65.16.0/33', 'DPO', 'records-x']);
    for (const issue of issues) expect(issue.fix.length).toBeGreaterThan(10);
  });

  it('formats every problem with its path, value and fix, without a stack trace', () => {
    try {
      loadConfig(path.join(__dirname, 'fixtures', 'three-problems.yaml'));
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toMatch(/has 3 problems/);
      expect(message).toContain('departments[1].code: "DPO" is already the code of departments[0].');
      expect(message).toContain('Fix: give each department a unique code');
      expect(message).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it.each<[string, (raw: any) => void, string, RegExp]>([
    [
      'a department outside the platform range',
      (r) => (r.departments[0].cidr = '10.96.0.0/20'),
      'departments[0].cidr',
      /outside the platform range/,
    ],
    ['overlapping departments', (r) => (r.departments[1].cidr = '10.65.0.0/16'), 'departments[1].cidr', /overlaps 10.65.0.0\/20/],
    [
      'a department on an on-premises range',
      (r) => (r.departments[0].cidr = '10.1.0.0/20'),
      'departments[0].cidr',
      /outside the platform range/,
    ],
    [
      'a platform range over the data centre',
      (r) => (r.platform.cidr = '10.0.0.0/8'),
      'onPremises.ranges[0]',
      /overlaps the platform range/,
    ],
    [
      'a zone of another region',
      (r) => (r.platform.availabilityZones[1] = 'ap-southeast-1b'),
      'platform.availabilityZones[1]',
      /not in the platform region/,
    ],
    [
      'a department above the ceiling',
      (r) => (r.departments[2].classification = 'SECRET'),
      'departments[2].classification',
      /above the platform's ceiling CONFIDENTIAL/,
    ],
    [
      'a CONFIDENTIAL service on a RESTRICTED platform',
      (r) => (r.platform.classificationCeiling = 'RESTRICTED'),
      `services.enabled[${parse(defaultText).services.enabled.indexOf('ehr')}]`,
      /holds CONFIDENTIAL data, above the platform's ceiling RESTRICTED/,
    ],
    [
      'an entitlement to a disabled service',
      (r) => (r.departments[0].services = ['records-management']),
      'departments[0].services[0]',
      /not a service this platform provides/,
    ],
    ['an unknown setting', (r) => (r.platform.colour = 'blue'), 'platform', /not a known setting/],
    ['a missing setting', (r) => delete r.alarms.email, 'alarms.email', /is required/],
    ['a retention CloudWatch does not offer', (r) => (r.logging.retentionDays = 100), 'logging.retentionDays', /is not allowed/],
    ['a lower-case department code', (r) => (r.departments[0].code = 'dpo'), 'departments[0].code', /expected form/],
  ])('refuses %s', (_name, change, expectedPath, expectedMessage) => {
    const issues = issuesOf(variant(change));
    const issue = issues.find((i) => i.path === expectedPath);
    expect(issue).toBeDefined();
    expect(issue?.message).toMatch(expectedMessage);
  });

  it('reports YAML syntax errors with their line', () => {
    const issues = issuesOf('platform:\n  name: "unterminated\n');
    expect(issues[0].message).toMatch(/not valid YAML/);
    expect(issues[0].path).toMatch(/^line \d+/);
  });

  it('accepts anchors and aliases, as a whole-government config repeats lists (more than 100 of them)', () => {
    const departments = Array.from({ length: 120 }, (_, i) => {
      const code = `D${String(i).padStart(3, '0')}`;
      // /20 blocks from 10.65.0.0 on, inside the platform's 10.64.0.0/12.
      const cidr = `10.${65 + Math.floor(i / 16)}.${(i % 16) * 16}.0/20`;
      return `  - { code: ${code}, name: { en: Department ${i}, zh: 部門${i} }, costCentre: ${code}-1, classification: UNCLASSIFIED, cidr: ${cidr}, services: *all, monthlyBudgetUsd: 100 }`;
    });
    const text = defaultText
      .replace(/^departments:[\s\S]*$/m, `departments:\n${departments.join('\n')}\n`)
      .replace(/^ {2}enabled: \[/m, '  enabled: &all [');
    const config = parseConfig(text, 'aliases.yaml');
    expect(config.departments).toHaveLength(120);
    expect(config.departments[119].services).toEqual(config.services.enabled);
  });

  it('reports a document whose aliases expand without bound with its fix, and no stack trace', () => {
    const anchors = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 6; i++)
      anchors.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const issues = issuesOf(anchors.join('\n'));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/cannot be read: .*alias/i);
    expect(issues[0].fix).toMatch(/anchors and aliases/);
    expect(issues[0].message).not.toMatch(/ {4}at /);
  });

  it('reports a YAML error with its line and column', () => {
    expect(issuesOf('platform:\n  name: [unclosed\n')[0].path).toMatch(/^line \d+, column \d+$/);
  });

  it('reports a missing file as a config problem', () => {
    expect(() => loadConfig('config/does-not-exist.yaml')).toThrow(/cannot be read \(ENOENT\)/);
  });
});

describe('npm run validate', () => {
  const run = (file: string) =>
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bin/validate-config.ts', file], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });

  it('prints a one-line summary for a valid file', () => {
    expect(run('config/default.yaml')).toMatch(/config\/default.yaml: valid \(3 departments/);
  });

  it('exits non-zero and lists every problem for a bad file', () => {
    let stderr = '';
    let status = 0;
    try {
      run('test/config/fixtures/three-problems.yaml');
    } catch (err) {
      ({ stderr, status } = err as { stderr: string; status: number });
    }
    expect(status).toBe(1);
    expect(stderr.match(/Fix:/g)).toHaveLength(3);
  });
});
