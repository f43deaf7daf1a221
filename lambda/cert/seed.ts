import type { SeedLocal } from '../shared/seed';
import { publishAdvisory } from './app/advisories';
import { fileFinding, reportIncident } from './app/incidents';
import { addKnownExploited } from './app/known-exploited';
import { certPorts } from './compose';
import type { Caller, RequestContext } from './domain/caller';
import { departmentLookup, normaliseGuardDuty } from './domain/normalise';
import type { AddKnownExploitedInput, PublishAdvisoryInput, ReportIncidentInput } from './domain/schemas';
import type { CertPorts } from './ports';

const SEED_CONTEXT: RequestContext = { requestId: 'seed', principalId: 'local-seed' };
const analyst: Caller = { kind: 'analyst' };

/** Sample reports, each by an officer of the department it concerns. */
export const SEED_INCIDENTS: ReadonlyArray<{ readonly department: string; readonly report: ReportIncidentInput }> = [
  {
    department: 'DPO',
    report: {
      title: 'Phishing e-mails impersonating the e-Government portal',
      description: 'Staff received e-mails with a look-alike sign-in page for the portal. Two reported entering credentials.',
      severity: 'high',
      category: 'phishing',
      affectedSystems: ['mail gateway'],
    },
  },
  {
    department: 'TD',
    report: {
      title: 'Defacement of a road works notice page',
      description: 'A public notice page showed altered text for about 20 minutes before it was restored from the repository.',
      severity: 'medium',
      category: 'web-defacement',
      affectedSystems: ['notices web site'],
    },
  },
];

/** A sample GuardDuty finding, filed as the pipeline would. */
export const SEED_FINDING = {
  id: 'seed-finding-0001',
  accountId: '111122223333',
  region: 'ap-east-1',
  type: 'Recon:EC2/PortProbeUnprotectedPort',
  severity: 5,
  title: 'Unprotected port on EC2 instance i-0abc123 is being probed.',
  description: 'EC2 instance i-0abc123 has an unprotected port which is being probed by a known malicious host.',
  resource: { resourceType: 'Instance', instanceDetails: { instanceId: 'i-0abc123', tags: [{ key: 'Department', value: 'FEHD' }] } },
} as const;

export const SEED_ADVISORIES: readonly PublishAdvisoryInput[] = [
  {
    level: 'High Threat Security Alert',
    title: 'Actively exploited remote code execution in a VPN gateway',
    summary: 'The vendor has released fixes for a vulnerability that is being exploited. Apply the fix at once.',
    affectedProducts: ['Example VPN Gateway 9.x before 9.1.4'],
    cves: ['CVE-2026-10001'],
    references: [],
  },
  {
    level: 'Security Alert',
    title: 'Multiple vulnerabilities in a web browser',
    summary: 'The vendor has released security updates that fix several vulnerabilities.',
    affectedProducts: ['Example Browser before 130.0'],
    cves: ['CVE-2026-10002', 'CVE-2026-10003'],
    references: [],
  },
];

export const SEED_KNOWN_EXPLOITED: readonly AddKnownExploitedInput[] = [
  {
    cveID: 'CVE-2026-10001',
    vendorProject: 'Example',
    product: 'VPN Gateway',
    vulnerabilityName: 'Example VPN Gateway Remote Code Execution Vulnerability',
    shortDescription: 'A crafted request lets an unauthenticated attacker run code on the gateway.',
    requiredAction: 'Apply the vendor fix, or disconnect the gateway until it is fixed.',
    dueDate: '2026-06-15',
    knownRansomwareCampaignUse: 'Unknown',
    notes: '',
    cwes: ['CWE-787'],
  },
];

/**
 * Fills empty storage with sample incidents, advisories and catalogue entries for local mode.
 * Does nothing if advisories exist already, so it can run on every start.
 */
export async function seed(ports: CertPorts): Promise<{ seeded: boolean }> {
  if ((await ports.advisories.list({ limit: 1 })).items.length > 0) return { seeded: false };
  for (const { department, report } of SEED_INCIDENTS) {
    const officer: Caller = { kind: 'officer', department, roles: [] };
    await reportIncident(ports, officer, report, { ...SEED_CONTEXT, idempotencyKey: `seed-${department}-report` });
  }
  await fileFinding(ports, normaliseGuardDuty(SEED_FINDING, departmentLookup({ tagKey: 'Department' })));
  for (const entry of SEED_KNOWN_EXPLOITED) await addKnownExploited(ports, analyst, entry, SEED_CONTEXT);
  for (const advisory of SEED_ADVISORIES) await publishAdvisory(ports, analyst, advisory, SEED_CONTEXT);
  return { seeded: true };
}

/** Local mode's seeding: sample incidents, advisories and catalogue entries. */
export const seedLocal: SeedLocal = async () => {
  const { seeded } = await seed(await certPorts());
  return { notes: seeded ? ['CERT: seeded sample incidents, advisories and known-exploited vulnerabilities.'] : [] };
};
