import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { validateConfig } from '../../lib/config/load';
import type { PlatformConfig } from '../../lib/config/schema';
import { REPO_ROOT } from '../helpers/platform';

/** The default config's raw form, turned into an organization: every account given by id and e-mail. */
export function organizationRaw(): any {
  const raw = parse(fs.readFileSync(path.join(REPO_ROOT, 'config', 'default.yaml'), 'utf8'));
  raw.platform.tenancy = 'organization';
  raw.organization = {
    managementAccount: '100000000001',
    accounts: {
      logArchive: { account: '100000000002', accountEmail: 'aws-log-archive@example.gov.hk' },
      audit: { account: '100000000003', accountEmail: 'aws-audit@example.gov.hk' },
      network: { account: '100000000004', accountEmail: 'aws-network@example.gov.hk' },
      sharedServices: { account: '100000000005', accountEmail: 'aws-shared-services@example.gov.hk' },
    },
  };
  raw.departments.forEach((d: any, i: number) => {
    d.account = `20000000000${i}`;
    d.accountEmail = `aws-${d.code.toLowerCase()}@example.gov.hk`;
  });
  return raw;
}

/** An organization-mode config: the default one in accounts, with `change` applied to its raw form. */
export function organizationConfig(change: (raw: any) => void = () => {}): PlatformConfig {
  const raw = organizationRaw();
  change(raw);
  return validateConfig(raw, 'organization.yaml');
}
