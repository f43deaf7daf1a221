import { stringify } from 'yaml';
import { ConfigError, type ConfigIssue } from '../../lib/config/issues';
import { loadConfig, parseConfig } from '../../lib/config/load';
import { organizationNotes } from '../../lib/config/organization-checks';
import { organizationConfig, organizationRaw } from '../organization/support';

function issuesOf(raw: unknown): ConfigIssue[] {
  try {
    parseConfig(stringify(raw), 'organization.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  throw new Error('expected the config to be refused');
}

describe('tenancy', () => {
  it('defaults to a single account, as the default config stays', () => {
    expect(loadConfig().platform.tenancy).toBe('single-account');
  });

  it('accepts an organization whose accounts are given by id, e-mail or both', () => {
    const config = organizationConfig((r) => {
      delete r.departments[0].account;
      delete r.departments[1].accountEmail;
    });
    expect(config.platform.tenancy).toBe('organization');
    expect(config.departments.map((d) => [d.account, d.accountEmail])).toEqual([
      [undefined, 'aws-dpo@example.gov.hk'],
      ['200000000001', undefined],
      ['200000000002', 'aws-fehd@example.gov.hk'],
    ]);
  });

  it('reads an unquoted id as its digits, and refuses one that lost its leading zero', () => {
    const text = stringify(organizationRaw()).replace('"200000000001"', '200000000001');
    expect(parseConfig(text).departments[1].account).toBe('200000000001');
    const issues = issuesOf({ ...organizationRaw(), organization: { ...organizationRaw().organization, managementAccount: 12345678901 } });
    expect(issues).toEqual([expect.objectContaining({ path: 'organization.managementAccount', fix: expect.stringMatching(/in quotes/) })]);
  });

  it('requires the organization section in organization mode', () => {
    const raw = organizationRaw();
    delete raw.organization;
    expect(issuesOf(raw)).toEqual([expect.objectContaining({ path: 'organization', message: expect.stringMatching(/is required/) })]);
  });

  it('reports every problem of the accounts at once, each with its path', () => {
    const raw = organizationRaw();
    delete raw.departments[0].account;
    delete raw.departments[0].accountEmail; // no account at all
    raw.departments[1].account = '2000000000'; // ten digits
    raw.departments[2].account = '100000000004'; // the network account's
    raw.departments[2].accountEmail = 'aws-network@example.gov.hk'; // and its e-mail
    raw.organization.accounts.audit.accountEmail = 'not-an-e-mail';
    raw.organization.accounts.logArchive.account = '100000000001'; // the management account
    raw.organization.rootId = 'root';
    const schemaIssues = issuesOf(raw);
    expect(schemaIssues.map((i) => i.path).sort()).toEqual([
      'departments[1].account',
      'organization.accounts.audit.accountEmail',
      'organization.rootId',
    ]);
    // Cross-checks run on a config of valid form: fix the forms, keep the rest.
    raw.departments[1].account = '200000000001';
    raw.organization.accounts.audit.accountEmail = 'aws-audit@example.gov.hk';
    raw.organization.rootId = 'r-ab12';
    const issues = issuesOf(raw);
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['departments[0]', 'has no account'],
      ['organization.accounts.logArchive.account', 'is already the account of organization.managementAccount'],
      ['departments[2].account', 'is already the account of organization.accounts.network'],
      ['departments[2].accountEmail', 'is already the e-mail of organization.accounts.network'],
    ]);
    for (const issue of issues) expect(issue.fix.length).toBeGreaterThan(20);
  });

  it('refuses a platform account named by neither id nor e-mail', () => {
    const raw = organizationRaw();
    raw.organization.accounts.sharedServices = {};
    expect(issuesOf(raw)).toEqual([expect.objectContaining({ path: 'organization.accounts.sharedServices', message: 'names no account' })]);
  });

  it('notes accounts still to be created and accounts only referenced', () => {
    const notes = organizationNotes(
      organizationConfig((r) => {
        delete r.departments[0].account;
        delete r.departments[1].accountEmail;
      }),
    );
    expect(notes).toEqual([
      expect.stringMatching(/^departments\[0\]: the account gcp-dept-dpo is created by the Organization stack/),
      expect.stringMatching(/^departments\[1\]: the existing account 200000000001 is referenced, not managed/),
    ]);
  });
});
