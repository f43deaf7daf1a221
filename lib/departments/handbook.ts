import type { DepartmentProvision, PlatformCatalogue } from '../../lambda/platform/domain/catalogue';
import type { PlatformConfig } from '../config/schema';
import type { DepartmentCost } from '../cost/platform-estimate';

function rows(items: readonly { purpose: string; parameter: string }[]): string[] {
  return items.map((i) => `| ${i.purpose} | \`${i.parameter}\` |`);
}

/**
 * The handbook of one department, in Markdown: what the platform provisioned for it, where to
 * find each id, how to assume its roles and how to call the shared services it is entitled to.
 */
export function departmentHandbook(
  config: PlatformConfig,
  catalogue: PlatformCatalogue,
  dept: DepartmentProvision,
  /** Its estimated baseline (`npm run cost`); the handbook then says what the department costs. */
  cost?: DepartmentCost,
): string {
  const region = config.platform.region;
  const services = catalogue.services.filter((s) => dept.entitlements.some((e) => e.service === s.name));
  const roleExample = dept.roles.find((r) => r.role === 'developer') ?? dept.roles[0];
  return [
    `# ${dept.name.en} (${dept.name.zh}) on the ${config.platform.name}`,
    '',
    `Department code **${dept.code}**, cost centre ${dept.costCentre}, data classification **${dept.classification}**`,
    `(the platform holds data up to ${config.platform.classificationCeiling}). Region ${region}.`,
    '',
    '## What was provisioned',
    '',
    'Every id is published as an SSM parameter; read one with',
    `\`aws ssm get-parameter --region ${region} --name <parameter> --query Parameter.Value --output text\`.`,
    '',
    '| item | SSM parameter |',
    '| --- | --- |',
    ...rows([
      ...dept.network.parameters,
      ...dept.keys,
      ...dept.buckets,
      ...dept.logGroups,
      ...(dept.apiKey ? [dept.apiKey] : []),
      ...dept.roles,
    ]),
    '',
    `Network: ${dept.network.cidr} across ${dept.network.availabilityZones.join(', ')}. Traffic to other departments, the`,
    'internet and the data centre passes the platform hub and its inspection; there is no internet gateway in the spoke.',
    '',
    '## Roles and how to assume them',
    '',
    '| role | name | may |',
    '| --- | --- | --- |',
    ...dept.roles.map((r) => `| ${r.role} | \`${r.name}\` | ${ROLE_DUTIES[r.role] ?? ''} |`),
    '',
    "Roles are assumed with MFA from the platform account; all of them stay inside the department's permissions",
    "boundary, which denies network changes, the security services and resources tagged as another department's.",
    '',
    '```sh',
    `aws sts assume-role --role-arn "$(aws ssm get-parameter --name ${roleExample.parameter} --query Parameter.Value --output text)" \\`,
    `  --role-session-name "$USER" --serial-number <your MFA device ARN> --token-code <code>`,
    '```',
    '',
    '## Shared services',
    '',
    services.length === 0
      ? 'The department is not entitled to any shared service yet.'
      : `Quotas per service: ${dept.quotas.requestsPerSecond} requests/s (burst ${dept.quotas.burst}), ${dept.quotas.requestsPerMonth.toLocaleString('en')} requests a month.`,
    '',
    ...services.flatMap((s) => [
      `### ${s.title} (\`${s.basePath}\`)`,
      '',
      s.description,
      '',
      `Base URL: the value of \`/${config.platform.prefix}/services/${s.name}/api-url\`; OpenAPI document at \`${s.openApi}\`.`,
      "Department routes need an officer's staff token (`Authorization: Bearer …`) and the department's API key",
      `(\`x-api-key\`, whose id is in \`${dept.apiKey?.parameter ?? 'n/a'}\`; read its value with \`aws apigateway get-api-key --include-value --api-key <id>\`).`,
      '',
    ]),
    '## What it costs',
    '',
    `Monthly budget: USD ${dept.monthlyBudgetUsd.toLocaleString('en')}, with alerts at 80% and 100%.`,
    ...(cost ? costLines(cost) : []),
    '',
  ].join('\n');
}

const usd = (n: number) => n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function costLines(cost: DepartmentCost): string[] {
  return [
    '',
    `Estimated baseline: USD ${usd(cost.monthlyUsd)} a month before any use: USD ${usd(cost.ownStackUsd)} for what is provisioned`,
    `for the department (its network's Transit Gateway attachment, flow logs, key, logs) and USD ${usd(cost.sharedUsd)} that it adds`,
    'to shared stacks. What its workloads and calls to shared services use comes on top; `npm run cost` lists every',
    'price and the volume it assumes.',
    ...(cost.overBudget ? ['', `**The estimated baseline is over the budget:** raise \`monthlyBudgetUsd\` or expect its alerts.`] : []),
  ];
}

const ROLE_DUTIES: Record<string, string> = {
  admin: "everything a developer may, plus delete objects and manage the department's parameters",
  developer: "read and write the department's bucket, encrypt and decrypt with its key, read its logs and parameters",
  'read-only': "read the department's bucket, logs and parameters",
};
