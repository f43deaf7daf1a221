import * as z from 'zod';
import { type Category, type IncidentSource, UNASSIGNED_DEPARTMENT } from './incident';
import { atLeast, fromGuardDuty, fromSecurityHub, type Severity } from './severity';

/** Finds the department owning a finding's resource, from its account or its tags. */
export type DepartmentLookup = (hints: {
  readonly accountId?: string;
  readonly tags: Readonly<Record<string, string>>;
}) => string | undefined;

/** The usual lookup: the resource's department tag first, then the account's department. */
export function departmentLookup(options: { tagKey: string; accounts?: Readonly<Record<string, string>> }): DepartmentLookup {
  return ({ accountId, tags }) => tags[options.tagKey] ?? (accountId === undefined ? undefined : options.accounts?.[accountId]);
}

/** How the incident pipeline attributes and filters findings: set by its stack, read by compose.ts. */
export interface PipelineSettings {
  /** Lowest severity filed as an incident. */
  readonly threshold: Severity;
  /** Resource tag naming the owning department. */
  readonly departmentTagKey: string;
  /** Department of each account id, for resources without the tag. */
  readonly departmentAccounts: Readonly<Record<string, string>>;
}

/** A finding as the CERT files it: what an incident is opened from. */
export interface NormalisedFinding {
  /** The same for every sighting of one finding, whichever service reported it. */
  readonly dedupKey: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly department: string;
  readonly source: Extract<IncidentSource, { kind: 'finding' }>;
  readonly affectedSystems: readonly string[];
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
}

const guardDutyFindingSchema = z.looseObject({
  id: z.string().min(1),
  accountId: z.string().optional(),
  region: z.string().optional(),
  type: z.string().default('Unknown'),
  severity: z.number(),
  title: z.string().default('GuardDuty finding'),
  description: z.string().default(''),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  resource: z.unknown().optional(),
  service: z
    .looseObject({ archived: z.boolean().optional(), eventFirstSeen: z.string().optional(), eventLastSeen: z.string().optional() })
    .optional(),
});
export type GuardDutyFinding = z.input<typeof guardDutyFindingSchema>;

const asffFindingSchema = z.looseObject({
  Id: z.string().min(1),
  AwsAccountId: z.string().optional(),
  Region: z.string().optional(),
  ProductName: z.string().optional(),
  ProductArn: z.string().optional(),
  GeneratorId: z.string().optional(),
  Types: z.array(z.string()).default([]),
  Title: z.string().default('Security Hub finding'),
  Description: z.string().default(''),
  Severity: z.looseObject({ Label: z.string().optional(), Normalized: z.number().optional() }),
  CreatedAt: z.string().optional(),
  UpdatedAt: z.string().optional(),
  RecordState: z.string().optional(),
  Resources: z
    .array(z.looseObject({ Type: z.string().optional(), Id: z.string(), Tags: z.record(z.string(), z.string()).optional() }))
    .default([]),
});
export type SecurityHubFinding = z.input<typeof asffFindingSchema>;

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 10_000;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** GuardDuty's threat purpose, the part of the finding type before the colon. */
const GUARDDUTY_CATEGORY: Readonly<Record<string, Category>> = {
  Backdoor: 'malware',
  Trojan: 'malware',
  CryptoCurrency: 'malware',
  Execution: 'malware',
  UnauthorizedAccess: 'unauthorised-access',
  CredentialAccess: 'unauthorised-access',
  PrivilegeEscalation: 'unauthorised-access',
  Persistence: 'unauthorised-access',
  DefenseEvasion: 'unauthorised-access',
  Stealth: 'unauthorised-access',
  InitialAccess: 'unauthorised-access',
  Exfiltration: 'data-leakage',
  Recon: 'reconnaissance',
  Discovery: 'reconnaissance',
  PenTest: 'reconnaissance',
  Impact: 'denial-of-service',
  Policy: 'misconfiguration',
};

/** ASFF finding type namespaces, most specific first. */
const SECURITY_HUB_CATEGORY: ReadonlyArray<readonly [string, Category]> = [
  ['Effects/Data Exfiltration', 'data-leakage'],
  ['Effects/Denial of Service', 'denial-of-service'],
  ['Sensitive Data Identifications', 'data-leakage'],
  ['Software and Configuration Checks', 'misconfiguration'],
  ['TTPs/Discovery', 'reconnaissance'],
  ['TTPs', 'unauthorised-access'],
];

/** Every `{ key, value }` tag anywhere in a GuardDuty resource (instances, buckets, clusters...). */
function guardDutyTags(resource: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    for (const [name, value] of Object.entries(node)) {
      if (name === 'tags' && Array.isArray(value)) {
        for (const tag of value) {
          if (tag && typeof tag.key === 'string' && typeof tag.value === 'string') tags[tag.key] = tag.value;
        }
      } else visit(value, depth + 1);
    }
  };
  visit(resource, 0);
  return tags;
}

function guardDutyResourceId(resource: unknown): string | undefined {
  const r = (resource ?? {}) as Record<string, any>;
  return (
    r.instanceDetails?.instanceId ??
    r.s3BucketDetails?.[0]?.name ??
    r.eksClusterDetails?.name ??
    r.rdsDbInstanceDetails?.dbInstanceIdentifier ??
    r.lambdaDetails?.functionName ??
    r.ecsClusterDetails?.name ??
    r.accessKeyDetails?.userName ??
    (typeof r.resourceType === 'string' ? r.resourceType : undefined)
  );
}

/** The dedup key of a GuardDuty finding; Security Hub's copy of it maps to the same key. */
export function guardDutyDedupKey(accountId: string | undefined, region: string | undefined, findingId: string): string {
  return `guardduty/${accountId ?? '-'}/${region ?? '-'}/${findingId}`;
}

const GUARDDUTY_ARN = /^arn:[a-z-]+:guardduty:([a-z0-9-]+):(\d{12}):detector\/[^/]+\/finding\/(.+)$/;

export function normaliseGuardDuty(input: GuardDutyFinding, lookup: DepartmentLookup): NormalisedFinding {
  const finding = guardDutyFindingSchema.parse(input);
  const purpose = finding.type.split(':')[0];
  const resourceId = guardDutyResourceId(finding.resource);
  const firstSeenAt = finding.service?.eventFirstSeen ?? finding.createdAt ?? new Date(0).toISOString();
  return {
    dedupKey: guardDutyDedupKey(finding.accountId, finding.region, finding.id),
    title: clip(finding.title, TITLE_MAX),
    description: clip(finding.description || finding.title, DESCRIPTION_MAX),
    severity: fromGuardDuty(finding.severity),
    category: GUARDDUTY_CATEGORY[purpose] ?? 'other',
    department: lookup({ accountId: finding.accountId, tags: guardDutyTags(finding.resource) }) ?? UNASSIGNED_DEPARTMENT,
    source: {
      kind: 'finding',
      product: 'GuardDuty',
      findingId: finding.id,
      findingType: finding.type,
      accountId: finding.accountId,
      region: finding.region,
      resource: resourceId,
    },
    affectedSystems: resourceId ? [resourceId] : [],
    firstSeenAt,
    lastSeenAt: finding.service?.eventLastSeen ?? finding.updatedAt ?? firstSeenAt,
  };
}

/** An ASFF finding as an incident, or undefined for an informational one. */
export function normaliseSecurityHub(input: SecurityHubFinding, lookup: DepartmentLookup): NormalisedFinding | undefined {
  const finding = asffFindingSchema.parse(input);
  const severity = fromSecurityHub(finding.Severity);
  if (!severity) return undefined;
  const fromGuardDutyArn = GUARDDUTY_ARN.exec(finding.Id);
  const tags = Object.assign({}, ...finding.Resources.map((r) => r.Tags ?? {})) as Record<string, string>;
  const category = SECURITY_HUB_CATEGORY.find(([prefix]) => finding.Types.some((t) => t.startsWith(prefix)))?.[1] ?? ('other' as Category);
  const firstSeenAt = finding.CreatedAt ?? new Date(0).toISOString();
  return {
    dedupKey: fromGuardDutyArn
      ? guardDutyDedupKey(fromGuardDutyArn[2], fromGuardDutyArn[1], fromGuardDutyArn[3])
      : `securityhub/${finding.Id}`,
    title: clip(finding.Title, TITLE_MAX),
    description: clip(finding.Description || finding.Title, DESCRIPTION_MAX),
    severity,
    category,
    department: lookup({ accountId: finding.AwsAccountId, tags }) ?? UNASSIGNED_DEPARTMENT,
    source: {
      kind: 'finding',
      product: 'SecurityHub',
      findingId: finding.Id,
      findingType: finding.Types[0] ?? finding.GeneratorId ?? 'Unknown',
      accountId: finding.AwsAccountId,
      region: finding.Region,
      resource: finding.Resources[0]?.Id,
    },
    affectedSystems: finding.Resources.map((r) => r.Id).slice(0, 50),
    firstSeenAt,
    lastSeenAt: finding.UpdatedAt ?? firstSeenAt,
  };
}

/** An EventBridge event as EventBridge delivers it to a target. */
export interface FindingEvent {
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: unknown;
}

/**
 * The findings of one EventBridge event that should become incidents: at or above the
 * threshold, and neither archived nor resolved. The rules already filter; this holds even if
 * a rule is widened or one event carries findings of mixed severity.
 */
export function normaliseEvent(event: FindingEvent, lookup: DepartmentLookup, threshold: Severity): NormalisedFinding[] {
  const keep = (f: NormalisedFinding | undefined): f is NormalisedFinding => f !== undefined && atLeast(f.severity, threshold);
  if (event.source === 'aws.guardduty' && event['detail-type'] === 'GuardDuty Finding') {
    const detail = event.detail as GuardDutyFinding;
    if (detail.service && (detail.service as { archived?: boolean }).archived) return [];
    return [normaliseGuardDuty(detail, lookup)].filter(keep);
  }
  if (event.source === 'aws.securityhub' && event['detail-type'] === 'Security Hub Findings - Imported') {
    const findings = z.object({ findings: z.array(z.unknown()) }).parse(event.detail).findings as SecurityHubFinding[];
    return findings
      .filter((f) => (f as { RecordState?: string }).RecordState !== 'ARCHIVED')
      .map((f) => normaliseSecurityHub(f, lookup))
      .filter(keep);
  }
  throw new Error(`Not a GuardDuty or Security Hub finding event: ${event.source} / ${event['detail-type']}`);
}
