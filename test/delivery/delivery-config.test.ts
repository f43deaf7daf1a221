import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { ConfigError, type ConfigIssue } from '../../lib/config/issues';
import { parseConfig } from '../../lib/config/load';
import { REPO_ROOT } from '../helpers/platform';

const defaultText = fs.readFileSync(path.join(REPO_ROOT, 'config', 'default.yaml'), 'utf8');

function withDelivery(delivery: unknown): string {
  const raw = parse(defaultText);
  raw.delivery = delivery;
  return stringify(raw);
}

function issuesOf(text: string): ConfigIssue[] {
  try {
    parseConfig(text, 'test.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  return [];
}

describe('delivery config', () => {
  test('is off by default, with documented defaults', () => {
    const config = parseConfig(defaultText);
    expect(config.delivery).toMatchObject({ enabled: false, waveSize: 10, buildImage: 'aws/codebuild/standard:7.0' });
  });

  test('an enabled pipeline without source or approvers is refused, naming both', () => {
    const paths = issuesOf(withDelivery({ enabled: true })).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['delivery.source', 'delivery.approvers']));
  });

  test('an unpinned build image is refused', () => {
    const issues = issuesOf(
      withDelivery({
        enabled: true,
        source: { kind: 'codecommit', repository: 'egov' },
        approvers: { emails: ['a@example.gov.hk'] },
        buildImage: 'aws/codebuild/standard:latest',
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['delivery.buildImage']);
  });

  test('a complete block is accepted', () => {
    const text = withDelivery({ enabled: true, source: { kind: 's3', bucket: 'gcp-source' }, approvers: { emails: ['a@example.gov.hk'] } });
    expect(parseConfig(text).delivery.source).toEqual({ kind: 's3', bucket: 'gcp-source', key: 'egov-platform.zip' });
  });
});
