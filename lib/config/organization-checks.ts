import { isOrganization, plannedAccounts } from '../organization/accounts';
import type { ConfigIssue } from './issues';
import type { PlatformConfig } from './schema';

/**
 * Checks of organization mode: the organization is described, every department has an account,
 * and no account id or e-mail serves two purposes. The forms of ids and e-mails are the schema's.
 */
export function organizationIssues(config: PlatformConfig): ConfigIssue[] {
  if (!isOrganization(config)) return [];
  const org = config.organization;
  if (!org) {
    return [
      {
        path: 'organization',
        value: undefined,
        message: 'is required when platform.tenancy is organization',
        fix: 'add organization.managementAccount and organization.accounts (logArchive, audit, network, sharedServices), or set platform.tenancy: single-account',
      },
    ];
  }
  const issues: ConfigIssue[] = [];
  config.departments.forEach((dept, i) => {
    if (dept.account === undefined && dept.accountEmail === undefined) {
      issues.push({
        path: `departments[${i}]`,
        value: dept.code,
        message: 'has no account',
        fix: `give ${dept.code} its existing account (account: "111122223333") or an e-mail to create one with (accountEmail: aws-${dept.code.toLowerCase()}@example.gov.hk)`,
      });
    }
  });
  for (const [key, given] of Object.entries(org.accounts)) {
    if (given && given.account === undefined && given.accountEmail === undefined) {
      issues.push({
        path: `organization.accounts.${key}`,
        value: given,
        message: 'names no account',
        fix: 'give the existing account (account: "111122223333") or an e-mail to create one with (accountEmail)',
      });
    }
  }
  const ids = new Map<string, string>([[org.managementAccount, 'organization.managementAccount']]);
  const emails = new Map<string, string>();
  for (const account of plannedAccounts(config)) {
    if (account.id !== undefined) {
      const earlier = ids.get(account.id);
      if (earlier) {
        issues.push({
          path: `${account.path}.account`,
          value: account.id,
          message: `is already the account of ${earlier}`,
          fix: 'give each department and each platform purpose an account of its own',
        });
      } else ids.set(account.id, account.path);
    }
    if (account.email !== undefined) {
      const email = account.email.toLowerCase();
      const earlier = emails.get(email);
      if (earlier) {
        issues.push({
          path: `${account.path}.accountEmail`,
          value: account.email,
          message: `is already the e-mail of ${earlier}`,
          fix: 'every AWS account needs a root e-mail address of its own',
        });
      } else emails.set(email, account.path);
    }
  }
  return issues;
}

/**
 * Notes on a valid organization-mode config: accounts the Organization stack will create, whose
 * stacks are built once their ids are written into the config, and accounts only referenced,
 * which the Organization stack does not move into their OU.
 */
export function organizationNotes(config: PlatformConfig): string[] {
  const accounts = plannedAccounts(config);
  const toCreate = accounts.filter((a) => a.id === undefined);
  const referenced = accounts.filter((a) => a.id !== undefined && a.email === undefined);
  return [
    ...toCreate.map(
      (a) =>
        `${a.path}: the account ${a.name} is created by the Organization stack; write its id as \`account\` once it exists, and its stacks are built from then on`,
    ),
    ...referenced.map(
      (a) =>
        `${a.path}: the existing account ${a.id} is referenced, not managed: the guardrails of the ${a.ou} OU are attached to it directly; move it into that OU yourself, or add its accountEmail and bring it under the Organization stack with \`cdk import\``,
    ),
  ];
}
