/**
 * The security services whose administration the management account delegates to the audit
 * account, so that nobody works in the management account day to day. Security Hub's
 * delegation is a CloudFormation resource (SecurityDelegation stack); CloudFormation has none
 * for the others, so each is one command run once from the management account, before the
 * OrganizationSecurity stack deploys (README, Single account or organization).
 */
export interface DelegatedService {
  readonly name: string;
  /** The service principal the delegation is registered for. */
  readonly principal: string;
  /**
   * The AWS CLI command that delegates it to `<audit>`, when CloudFormation cannot.
   * @default - a CloudFormation resource of the SecurityDelegation stack delegates it
   */
  readonly command?: string;
  /** Only when Macie is on (`security.macie`). */
  readonly macieOnly?: boolean;
}

const register = (principal: string) =>
  `aws organizations enable-aws-service-access --service-principal ${principal} && aws organizations register-delegated-administrator --service-principal ${principal} --account-id <audit>`;

export const DELEGATED_SERVICES: readonly DelegatedService[] = [
  { name: 'Security Hub', principal: 'securityhub.amazonaws.com' },
  {
    name: 'GuardDuty',
    principal: 'guardduty.amazonaws.com',
    command: 'aws guardduty enable-organization-admin-account --admin-account-id <audit>',
  },
  {
    name: 'Macie',
    principal: 'macie.amazonaws.com',
    command: 'aws macie2 enable-organization-admin-account --admin-account-id <audit>',
    macieOnly: true,
  },
  // The aggregator reads every account's configuration; the conformance packs deploy to every account.
  { name: 'AWS Config', principal: 'config.amazonaws.com', command: register('config.amazonaws.com') },
  {
    name: 'AWS Config conformance packs',
    principal: 'config-multiaccountsetup.amazonaws.com',
    command: register('config-multiaccountsetup.amazonaws.com'),
  },
  { name: 'IAM Access Analyzer', principal: 'access-analyzer.amazonaws.com', command: register('access-analyzer.amazonaws.com') },
];

/** The services delegated on this platform (Macie only where it is on), with the audit account in their commands. */
export function delegatedServices(macie: boolean, auditAccount: string): DelegatedService[] {
  return DELEGATED_SERVICES.filter((s) => macie || !s.macieOnly).map((s) =>
    s.command ? { ...s, command: s.command.replaceAll('<audit>', auditAccount) } : s,
  );
}
