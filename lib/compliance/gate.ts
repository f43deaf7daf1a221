import * as fs from 'node:fs';
import * as path from 'node:path';
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { CountedPack, type PackStats } from './counted-pack';

/** Fresh instances of the four packs the platform must pass. */
export function compliancePacks(): CountedPack[] {
  return [new AwsSolutionsChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()].map(
    (pack) => new CountedPack(pack),
  );
}

/**
 * Registers the four packs on the whole app: synth fails on any unacknowledged finding.
 * Returns the packs so their figures can be reported after synth.
 */
export function addComplianceGate(app: App): CountedPack[] {
  const packs = compliancePacks();
  Validations.of(app).addPlugins(...packs);
  return packs;
}

export interface AcknowledgementRecord {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** Every acknowledgement in the tree, where it was made and why. */
export function collectAcknowledgements(root: IConstruct): AcknowledgementRecord[] {
  const records: AcknowledgementRecord[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        records.push({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return records;
}

export interface ComplianceReport {
  readonly packs: readonly PackStats[];
  readonly acknowledgements: readonly AcknowledgementRecord[];
}

/** Builds the report from the packs' last run; packs that did not run are left out. */
export function complianceReport(root: IConstruct, packs: readonly CountedPack[]): ComplianceReport {
  return {
    packs: packs.flatMap((p) => (p.lastStats ? [p.lastStats] : [])),
    acknowledgements: collectAcknowledgements(root),
  };
}

export function summaryLines(report: ComplianceReport): string[] {
  return report.packs.map(
    (s) =>
      `compliance ${s.pack.padEnd(15)} rules ${String(s.rules).padStart(3)}  findings ${String(s.unacknowledged).padStart(3)}  acknowledged ${String(s.acknowledged).padStart(3)}  ${s.unacknowledged === 0 ? 'PASS' : 'FAIL'}`,
  );
}

/** Prints one line per pack and writes `compliance-report.json` into the cloud assembly. */
export function writeComplianceReport(outdir: string, report: ComplianceReport): void {
  fs.writeFileSync(path.join(outdir, 'compliance-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  for (const line of summaryLines(report)) console.error(line);
}
