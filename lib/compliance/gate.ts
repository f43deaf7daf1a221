import * as fs from 'node:fs';
import * as path from 'node:path';
import { type App, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { ControlTowerControls } from './control-tower';
import { DISABLED_CONTROLS } from './control-tower-disabled';
import { CountedPack, type PackStats } from './counted-pack';

/** A validation plugin that reports its figures after a run. */
export type CompliancePlugin = IPolicyValidationPlugin & { readonly lastStats?: PackStats };

/** Fresh instances of the four packs the platform must pass. */
export function compliancePacks(): CountedPack[] {
  return [new AwsSolutionsChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()].map(
    (pack) => new CountedPack(pack),
  );
}

/**
 * Registers the four cdk-nag packs and AWS Control Tower's proactive controls on the whole app:
 * synth fails on any unacknowledged finding. Returns them so their figures can be reported.
 */
export function addComplianceGate(app: App): CompliancePlugin[] {
  const plugins: CompliancePlugin[] = [...compliancePacks(), new ControlTowerControls()];
  Validations.of(app).addPlugins(...plugins);
  return plugins;
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
  /** Control Tower controls switched off, with why. */
  readonly disabledControls: Readonly<Record<string, string>>;
  readonly acknowledgements: readonly AcknowledgementRecord[];
}

/** Builds the report from the packs' last run; packs that did not run are left out. */
export function complianceReport(root: IConstruct, packs: readonly CompliancePlugin[]): ComplianceReport {
  return {
    packs: packs.flatMap((p) => (p.lastStats ? [p.lastStats] : [])),
    disabledControls: DISABLED_CONTROLS,
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
