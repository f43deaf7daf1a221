import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import type { IApplyRule, NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { type CacheUse, stacksOf, type VerdictCache, verdictKey } from './verdict-cache';

const CDK_NAG_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(path.dirname(require.resolve('cdk-nag/package.json')), 'package.json'), 'utf8'),
).version;

/** What one pack saw in its last run. */
export interface PackStats {
  readonly pack: string;
  /** Distinct rules the pack evaluated. */
  readonly rules: number;
  /** Non-compliant findings before acknowledgements. */
  readonly findings: number;
  /** Findings that were acknowledged on a construct. */
  readonly acknowledged: number;
  /** Findings left after acknowledgements; synth fails unless this is zero. */
  readonly unacknowledged: number;
  /** Stacks checked. */
  readonly stacks?: number;
  /** Of those, how many verdicts came from the verdict cache. */
  readonly fromCache?: number;
}

/** The pack's hooks, which cdk-nag declares protected: one applies a rule, the other is asked about each finding. */
type PackHooks = { applyRule(params: IApplyRule): void; isAcknowledged(node: unknown, ruleId: string): boolean };

/** One run of the pack over one scope, as the verdict cache keeps it. */
interface ScopeVerdict {
  readonly rules: readonly string[];
  readonly findings: number;
  readonly violations: readonly PolicyViolation[];
}

/**
 * A cdk-nag pack that also counts the rules it evaluated and the findings that were
 * acknowledged, which cdk-nag does not report. It notes the name of every rule the pack applies,
 * and counts the findings as the pack asks whether each is acknowledged (it asks once for every
 * finding, a rule's error included); the pack's own logic is unchanged.
 * Given a verdict cache, it checks stack by stack and reuses the verdict of a stack whose
 * template and acknowledgements are unchanged.
 */
export class CountedPack implements IPolicyValidationPlugin {
  public readonly name: string;
  public readonly version = CDK_NAG_VERSION;
  public lastStats?: PackStats;
  private seenRules = new Set<string>();
  private rawFindings = 0;

  constructor(
    private readonly pack: NagPack,
    private readonly cache?: VerdictCache,
  ) {
    this.name = pack.name;
    const hooks = pack as unknown as PackHooks;
    const applyRule = hooks.applyRule.bind(pack);
    const isAcknowledged = hooks.isAcknowledged.bind(pack);
    hooks.applyRule = (params) => {
      this.seenRules.add(params.ruleSuffixOverride ?? params.rule.name);
      applyRule(params);
    };
    hooks.isAcknowledged = (node, ruleId) => {
      this.rawFindings += 1;
      return isAcknowledged(node, ruleId);
    };
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const stacks = stacksOf(context);
    const cache = this.cache;
    if (!cache || stacks.some((s) => !s.construct))
      return this.report([this.run(context.appConstruct)], { stacks: stacks.length, fromCache: 0 });
    let fromCache = 0;
    const verdicts = stacks.map((stack) => {
      const key = verdictKey(this, stack);
      const cached = cache.get<ScopeVerdict>(this.name, key);
      if (cached) {
        fromCache += 1;
        return cached;
      }
      const verdict = this.run(stack.construct as IConstruct);
      cache.put(this.name, key, verdict);
      return verdict;
    });
    return this.report(verdicts, { stacks: stacks.length, fromCache });
  }

  /** Runs the pack on part of the tree, as unit tests do for one stack. */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    return this.report([this.run(scope)]);
  }

  private run(scope: IConstruct): ScopeVerdict {
    this.seenRules = new Set();
    this.rawFindings = 0;
    const report = this.pack.validateScope(scope);
    return { rules: [...this.seenRules], findings: this.rawFindings, violations: report.violations };
  }

  private report(verdicts: readonly ScopeVerdict[], use?: CacheUse): PolicyValidationPluginReport {
    const byRule = new Map<string, PolicyViolation>();
    for (const violation of verdicts.flatMap((v) => v.violations)) {
      const seen = byRule.get(violation.ruleName);
      byRule.set(
        violation.ruleName,
        seen ? { ...seen, violatingResources: [...seen.violatingResources, ...violation.violatingResources] } : violation,
      );
    }
    const violations = [...byRule.values()];
    const findings = verdicts.reduce((n, v) => n + v.findings, 0);
    const unacknowledged = violations.reduce((n, v) => n + v.violatingResources.length, 0);
    this.lastStats = {
      pack: this.name,
      rules: new Set(verdicts.flatMap((v) => v.rules)).size,
      findings,
      acknowledged: findings - unacknowledged,
      unacknowledged,
      ...use,
    };
    return { success: violations.length === 0, violations };
  }
}
