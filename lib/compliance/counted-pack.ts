import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { type IApplyRule, type NagPack, NagRuleCompliance } from 'cdk-nag';
import type { IConstruct } from 'constructs';

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
}

/** The pack's rule hook, which cdk-nag declares protected. */
type RuleHook = { applyRule(params: IApplyRule): void };

/**
 * A cdk-nag pack that also counts the rules it evaluated and the findings that were
 * acknowledged, which cdk-nag does not report. It observes every rule the pack applies by
 * wrapping the pack's rule hook; the pack's own logic, including acknowledgements, is unchanged.
 */
export class CountedPack implements IPolicyValidationPlugin {
  public readonly name: string;
  public lastStats?: PackStats;
  private seenRules = new Set<string>();
  private rawFindings = 0;

  constructor(private readonly pack: NagPack) {
    this.name = pack.name;
    const hooked = pack as unknown as RuleHook;
    const applyRule = hooked.applyRule.bind(pack);
    hooked.applyRule = (params) => applyRule(this.observe(params));
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.record(() => this.pack.validate(context));
  }

  /** Runs the pack on part of the tree, as unit tests do for one stack. */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    return this.record(() => this.pack.validateScope(scope));
  }

  private observe(params: IApplyRule): IApplyRule {
    const suffix = params.ruleSuffixOverride ?? params.rule.name;
    this.seenRules.add(suffix);
    const rule = params.rule;
    return {
      ...params,
      ruleSuffixOverride: suffix,
      rule: (node) => {
        try {
          const result = rule(node);
          if (result === NagRuleCompliance.NON_COMPLIANT) this.rawFindings += 1;
          else if (Array.isArray(result)) this.rawFindings += result.length;
          return result;
        } catch (err) {
          this.rawFindings += 1;
          throw err;
        }
      },
    };
  }

  private record(run: () => PolicyValidationPluginReport): PolicyValidationPluginReport {
    this.seenRules = new Set();
    this.rawFindings = 0;
    const report = run();
    const unacknowledged = report.violations.reduce((n, v) => n + v.violatingResources.length, 0);
    this.lastStats = {
      pack: this.name,
      rules: this.seenRules.size,
      findings: this.rawFindings,
      acknowledged: this.rawFindings - unacknowledged,
      unacknowledged,
    };
    return report;
  }
}
