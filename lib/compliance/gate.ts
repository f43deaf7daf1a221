import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { CachedTemplateLinter } from './cached-template-linter';
import { ControlTowerControls } from './control-tower';
import { DISABLED_CONTROLS } from './control-tower-disabled';
import { CountedPack, type PackStats } from './counted-pack';
import type { CacheUse, VerdictCache } from './verdict-cache';

/** A validation plugin that reports its figures after a run. */
export type CompliancePlugin = IPolicyValidationPlugin & { readonly lastStats?: PackStats };

/** Fresh instances of the four packs the platform must pass. */
export function compliancePacks(cache?: VerdictCache): CountedPack[] {
  return [new AwsSolutionsChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()].map(
    (pack) => new CountedPack(pack, cache),
  );
}

export interface ComplianceGateOptions {
  /**
   * Reuse the verdicts of stacks that did not change (`VerdictCache.forApp`); the built-in
   * template linter is then put behind the cache too.
   * @default - every check runs on every stack
   */
  readonly cache?: VerdictCache;
}

/**
 * Registers the four cdk-nag packs and AWS Control Tower's proactive controls on the whole app:
 * synth fails on any unacknowledged finding. Returns them so their figures can be reported.
 */
export function addComplianceGate(app: App, options: ComplianceGateOptions = {}): CompliancePlugin[] {
  const plugins: CompliancePlugin[] = [...compliancePacks(options.cache), new ControlTowerControls(options.cache)];
  Validations.of(app).addPlugins(...plugins);
  if (options.cache) {
    const linter = new CachedTemplateLinter(options.cache);
    Validations.of(app).addPlugins(linter);
    cachedLinters.set(app, linter);
  }
  return plugins;
}

const cachedLinters = new WeakMap<App, CachedTemplateLinter>();

/** How much of each check the verdict cache answered, by check; empty when no cache was used. */
export function cacheUse(app: App): Readonly<Record<string, CacheUse>> {
  const linter = cachedLinters.get(app);
  return linter?.lastUse ? { [linter.name]: linter.lastUse } : {};
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
  /** Checks outside the packs that the verdict cache served (CDK's template linter). */
  readonly cache: Readonly<Record<string, CacheUse>>;
  /** Control Tower controls switched off, with why. */
  readonly disabledControls: Readonly<Record<string, string>>;
  readonly acknowledgements: readonly AcknowledgementRecord[];
}

/** Builds the report from the packs' last run; packs that did not run are left out. */
export function complianceReport(root: IConstruct, packs: readonly CompliancePlugin[]): ComplianceReport {
  return {
    packs: packs.flatMap((p) => (p.lastStats ? [p.lastStats] : [])),
    cache: root instanceof App ? cacheUse(root) : {},
    disabledControls: DISABLED_CONTROLS,
    acknowledgements: collectAcknowledgements(root),
  };
}

export function summaryLines(report: ComplianceReport): string[] {
  const cached = (use: { stacks?: number; fromCache?: number }) =>
    use.fromCache ? `  (${use.fromCache}/${use.stacks} stacks from cache)` : '';
  return [
    ...report.packs.map(
      (s) =>
        `compliance ${s.pack.padEnd(15)} rules ${String(s.rules).padStart(3)}  findings ${String(s.unacknowledged).padStart(3)}  acknowledged ${String(s.acknowledged).padStart(3)}  ${s.unacknowledged === 0 ? 'PASS' : 'FAIL'}${cached(s)}`,
    ),
    ...Object.entries(report.cache).flatMap(([check, use]) => (use.fromCache ? [`compliance ${check}: ${cached(use).trim()}`] : [])),
  ];
}

/** Prints one line per pack and writes `compliance-report.json` into the cloud assembly. */
export function writeComplianceReport(outdir: string, report: ComplianceReport): void {
  fs.writeFileSync(path.join(outdir, 'compliance-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  for (const line of summaryLines(report)) console.error(line);
}
