import {
  CloudFormationValidatePlugin,
  type IPolicyValidationContext,
  type PolicyValidationPluginReport,
  type PolicyViolation,
} from 'aws-cdk-lib';
import { type CacheUse, type VerdictCache, verdictKey } from './verdict-cache';

type Resource = PolicyViolation['violatingResources'][number];

/** A template's findings, without the template's path (it is put back when reused). */
type TemplateVerdict = readonly (Omit<PolicyViolation, 'violatingResources'> & { violatingResources: Omit<Resource, 'templatePath'>[] })[];

/**
 * CDK's built-in template linter with the verdict cache in front: registered on the app, it
 * takes the place of the one CDK registers itself (CDK allows one, and trusts only its own class,
 * which this is), checks only the templates whose verdict is not cached, and gives back every
 * finding as the linter reported it. Acknowledgements are applied by CDK afterwards, so they
 * always count as they are now; strict mode and the report are CDK's as before.
 */
export class CachedTemplateLinter extends CloudFormationValidatePlugin {
  public lastUse?: CacheUse;

  constructor(private readonly cache: VerdictCache) {
    super();
  }

  public override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const check = { name: this.name, version: this.version, rules: this.ruleIds };
    const stacks = context.stackTemplates.map((stack) => {
      const key = verdictKey(check, { templatePath: stack.templatePath });
      return { stack, key, cached: this.cache.get<TemplateVerdict>(this.name, key) };
    });
    const misses = stacks.filter((s) => !s.cached).map((s) => s.stack);
    const fresh =
      misses.length > 0
        ? super.validate({ ...context, templatePaths: misses.map((s) => s.templatePath), stackTemplates: misses })
        : undefined;

    const violations: PolicyViolation[] = [];
    for (const { stack, key, cached } of stacks) {
      const verdict = cached ?? verdictOf(fresh?.violations ?? [], stack.templatePath);
      if (!cached) this.cache.put(this.name, key, verdict);
      for (const v of verdict) {
        violations.push({ ...v, violatingResources: v.violatingResources.map((r) => ({ ...r, templatePath: stack.templatePath })) });
      }
    }
    this.lastUse = { stacks: stacks.length, fromCache: stacks.length - misses.length };
    return { success: violations.every((v) => v.severity !== 'error' && v.severity !== 'fatal'), violations };
  }
}

function verdictOf(violations: readonly PolicyViolation[], templatePath: string): TemplateVerdict {
  return violations.flatMap((v) => {
    const mine = v.violatingResources.filter((r) => r.templatePath === templatePath).map(({ templatePath: _, ...r }) => r);
    return mine.length > 0 ? [{ ...v, violatingResources: mine }] : [];
  });
}
