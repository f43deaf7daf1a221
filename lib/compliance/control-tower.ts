import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
  CfnElement,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  type PolicyViolation,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { DISABLED_CONTROLS } from './control-tower-disabled';
import { stacksOf, type VerdictCache, verdictKey } from './verdict-cache';

const PACKAGE_DIR = path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));
const RULES_DIR = path.join(PACKAGE_DIR, 'rules', 'control-tower', 'cfn-guard');
const RUNNER = path.join(__dirname, 'control-tower-runner.mjs');

/** The plugin's name, and the namespace of its acknowledgements: `ControlTower::CT.S3.PR.2`. */
export const CONTROL_TOWER = 'ControlTower';

interface GuardRule {
  readonly file: string;
  /** The control's id, like `CT.S3.PR.2`. */
  readonly control: string;
  /** Resource types the rule inspects. */
  readonly types: readonly string[];
}

/** What the Control Tower plugin saw in its last run. */
export interface ControlTowerStats {
  readonly pack: string;
  readonly rules: number;
  readonly findings: number;
  readonly acknowledged: number;
  readonly unacknowledged: number;
  /** Templates checked, and how many verdicts came from the verdict cache. */
  readonly stacks: number;
  readonly fromCache: number;
}

function guardBinary(): string {
  const os = process.platform === 'darwin' ? 'macos' : 'ubuntu';
  const arch = process.arch === 'arm64' ? 'aarch64' : 'x86_64';
  return path.join(PACKAGE_DIR, 'bin', os, arch, 'cfn-guard');
}

function ruleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? ruleFiles(full) : full.endsWith('.guard') ? [full] : [];
  });
}

let rulesCache: GuardRule[] | undefined;

/** The proactive controls bundled with cdk-validator-cfnguard, with the resource types each inspects. */
export function controlTowerRules(): GuardRule[] {
  rulesCache ??= ruleFiles(RULES_DIR).map((file) => ({
    file,
    control: path.basename(file, '.guard').replace(/^ct-/, 'CT-').toUpperCase().replaceAll('-', '.'),
    types: inspectedTypes(readFileSync(file, 'utf8')),
  }));
  return rulesCache;
}

/**
 * The resource types a control inspects: those its rules name as the hook's resource type
 * (`is_cfn_hook(%INPUT_DOCUMENT, %S3_BUCKET_TYPE)`), not the types it only follows references
 * to. A rule written otherwise counts every type it mentions.
 */
export function inspectedTypes(rule: string): string[] {
  const typeOf = (variable: string) => new RegExp(`let\\s+${variable}\\s*=\\s*"(AWS::[^"]+)"`).exec(rule)?.[1];
  const inspected = [...rule.matchAll(/is_cfn_hook\(%INPUT_DOCUMENT,\s*%(\w+)\)/g)].map((m) => typeOf(m[1]));
  const types = inspected.filter((t): t is string => t !== undefined);
  return [...new Set(types.length > 0 ? types : (rule.match(/AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/g) ?? []))];
}

interface GuardFailure {
  readonly template: string;
  readonly control: string;
  readonly message: string;
  readonly fix: string;
  readonly resources: readonly string[];
}

/** A template's failures before acknowledgements, as the verdict cache keeps them. */
type TemplateVerdict = readonly Omit<GuardFailure, 'template'>[];

/**
 * AWS Control Tower's proactive controls (the Guard rules cdk-validator-cfnguard bundles, run by
 * its cfn-guard) as a validation plugin. Each template is checked only against the controls for
 * the resource types it contains, templates in parallel: the same verdicts as checking every
 * template against every control, in a fraction of the time. A failure is acknowledged on the
 * construct it concerns, like any validation rule: `ControlTower::CT.S3.PR.2`. Given a verdict
 * cache, a template whose verdict is cached is not checked again; acknowledgements are applied
 * after, so they always count as they are now.
 */
export class ControlTowerControls implements IPolicyValidationPlugin {
  public readonly name = CONTROL_TOWER;
  public readonly version: string = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')).version;
  public readonly ruleIds: string[];
  public lastStats?: ControlTowerStats;

  constructor(private readonly cache?: VerdictCache) {
    this.ruleIds = controlTowerRules()
      .map((r) => r.control)
      .filter((c) => !(c in DISABLED_CONTROLS));
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const enabled = controlTowerRules().filter((r) => !(r.control in DISABLED_CONTROLS));
    const check = { name: this.name, version: `${this.version} ${guardBinary()}`, rules: this.ruleIds };
    const stacks = stacksOf(context).map((stack) => {
      const key = this.cache && verdictKey(check, stack);
      return {
        template: stack.templatePath,
        key,
        cached: key === undefined ? undefined : this.cache?.get<TemplateVerdict>(this.name, key),
      };
    });
    const jobs = stacks
      .filter((s) => !s.cached)
      .map(({ template }) => {
        const types = new Set(
          Object.values(JSON.parse(readFileSync(template, 'utf8')).Resources ?? {}).map((r) => (r as { Type: string }).Type),
        );
        return { template, rules: enabled.filter((r) => r.types.some((t) => types.has(t))).map((r) => r.file) };
      });
    const checked = jobs.length > 0 ? this.runGuard(jobs) : [];
    const failures: GuardFailure[] = [];
    for (const stack of stacks) {
      const verdict: TemplateVerdict = stack.cached ?? checked.filter((f) => f.template === stack.template).map(({ template, ...f }) => f);
      if (!stack.cached && stack.key) this.cache?.put(this.name, stack.key, verdict);
      failures.push(...verdict.map((f) => ({ ...f, template: stack.template })));
    }

    const root = (context as IPolicyValidationContext & { appConstruct?: IConstruct }).appConstruct;
    const constructs = root ? constructsByLogicalId(root) : new Map<string, IConstruct>();
    const violations = new Map<string, PolicyViolation & { violatingResources: PolicyViolation['violatingResources'][number][] }>();
    let findings = 0;
    let acknowledged = 0;
    for (const failure of failures) {
      for (const logicalId of failure.resources) {
        findings += 1;
        const construct = constructs.get(`${path.basename(failure.template)}#${logicalId}`);
        if (construct && isAcknowledged(construct, `${CONTROL_TOWER}::${failure.control}`)) {
          acknowledged += 1;
          continue;
        }
        const violation = violations.get(failure.control) ?? {
          ruleName: failure.control,
          description: failure.message,
          fix: failure.fix,
          severity: 'error',
          violatingResources: [],
        };
        violation.violatingResources.push({ resourceLogicalId: logicalId, templatePath: failure.template, locations: ['Properties'] });
        violations.set(failure.control, violation);
      }
    }
    const unacknowledged = findings - acknowledged;
    const fromCache = stacks.filter((s) => s.cached).length;
    this.lastStats = {
      pack: CONTROL_TOWER,
      rules: enabled.length,
      findings,
      acknowledged,
      unacknowledged,
      stacks: stacks.length,
      fromCache,
    };
    return { success: unacknowledged === 0, violations: [...violations.values()] };
  }

  private runGuard(jobs: readonly { template: string; rules: string[] }[]): GuardFailure[] {
    const run = spawnSync(process.execPath, [RUNNER, guardBinary()], {
      input: JSON.stringify(jobs),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`cfn-guard failed (${run.error?.message ?? run.signal ?? run.status}): ${run.stderr}`);
    return JSON.parse(run.stdout) as GuardFailure[];
  }
}

/** Every CloudFormation element of the app, by template file and logical id. */
function constructsByLogicalId(root: IConstruct): Map<string, IConstruct> {
  const map = new Map<string, IConstruct>();
  for (const construct of root.node.findAll()) {
    if (!CfnElement.isCfnElement(construct)) continue;
    const stack = Stack.of(construct);
    map.set(`${stack.templateFile}#${stack.resolve(construct.logicalId)}`, construct);
  }
  return map;
}

function isAcknowledged(construct: IConstruct, id: string): boolean {
  for (let current: IConstruct | undefined = construct; current; current = current.node.scope) {
    for (const entry of current.node.metadata) {
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data && id in (entry.data as object)) return true;
    }
  }
  return false;
}
