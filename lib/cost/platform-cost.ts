import type { PlatformConfig } from '../config/schema';
import { DEFAULT_ASSUMPTIONS, type UsageAssumptions } from './assumptions';
import { PROBE_DEPARTMENT_CODE, withOneMoreDepartment, withProfile } from './marginal-department';
import {
  type DepartmentCost,
  departmentCosts,
  departmentStackId,
  estimatePlatform,
  type MarginalDepartment,
  marginalDepartment,
  type PlatformEstimate,
} from './platform-estimate';
import { loadPriceBook, type PriceBook } from './price-book';
import { type SynthesizedStack, synthesizeTemplates } from './synthesize';

/** Everything `npm run cost` reports of one config. */
export interface PlatformCost {
  readonly profile: PlatformConfig['platform']['profile'];
  readonly platform: PlatformEstimate;
  /** The same config in each profile, side by side. */
  readonly profiles: Readonly<Record<'production' | 'dev', number>>;
  readonly marginalDepartment: MarginalDepartment;
  readonly departments: readonly DepartmentCost[];
  readonly assumptions: UsageAssumptions;
}

export interface PlatformCostOptions {
  /** Templates of the config already synthesized (a `cdk.out`), instead of synthesizing them here. */
  readonly templates?: readonly SynthesizedStack[];
  /** @default DEFAULT_ASSUMPTIONS */
  readonly assumptions?: UsageAssumptions;
  /** @default the price files of lib/cost/prices */
  readonly prices?: (region: string) => PriceBook;
}

function estimator(options: PlatformCostOptions) {
  const assumptions = options.assumptions ?? DEFAULT_ASSUMPTIONS;
  const books = new Map<string, PriceBook>();
  const prices =
    options.prices ??
    ((region: string) => {
      if (!books.has(region)) books.set(region, loadPriceBook(region));
      return books.get(region)!;
    });
  return {
    assumptions,
    estimate: (config: PlatformConfig, templates?: readonly SynthesizedStack[]) =>
      estimatePlatform(templates ?? synthesizeTemplates(config), prices, assumptions),
  };
}

/** The config's estimate and each department's baseline: its stack and what one more adds to shared stacks. */
export function departmentCostsOf(config: PlatformConfig, options: PlatformCostOptions = {}, using = estimator(options)) {
  const { estimate, assumptions } = using;
  const platform = estimate(config, options.templates);
  const marginal = marginalDepartment(platform, estimate(withOneMoreDepartment(config)), departmentStackId(PROBE_DEPARTMENT_CODE));
  return { platform, marginal, departments: departmentCosts(config, platform, marginal.sharedUsd), assumptions };
}

/** Prices a config: as it is, in the other profile, and with one more department. */
export function platformCost(config: PlatformConfig, options: PlatformCostOptions = {}): PlatformCost {
  const using = estimator(options);
  const { platform, marginal, departments, assumptions } = departmentCostsOf(config, options, using);
  const otherProfile = config.platform.profile === 'production' ? 'dev' : 'production';
  const other = using.estimate(withProfile(config, otherProfile)).monthlyUsd;
  return {
    profile: config.platform.profile,
    platform,
    profiles: {
      production: config.platform.profile === 'production' ? platform.monthlyUsd : other,
      dev: config.platform.profile === 'dev' ? platform.monthlyUsd : other,
    },
    marginalDepartment: marginal,
    departments,
    assumptions,
  };
}
