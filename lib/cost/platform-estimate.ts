import type { PlatformConfig } from '../config/schema';
import type { UsageAssumptions } from './assumptions';
import { estimateStack, type StackEstimate, sum, type UsageLine } from './estimate';
import type { PriceBook } from './price-book';
import type { SynthesizedStack } from './synthesize';

export interface IdentifiedStackEstimate extends StackEstimate {
  /** The stack's construct id in the app, like `Dept-TD`. */
  readonly id: string;
}

/** The estimate of every stack of a platform, and their totals. */
export interface PlatformEstimate {
  readonly monthlyUsd: number;
  readonly stacks: readonly IdentifiedStackEstimate[];
  /** Usage prices across the platform, with how many resources each applies to. */
  readonly usage: readonly UsageLine[];
  readonly unpriced: Readonly<Record<string, number>>;
  /** The day each region's prices were read. */
  readonly pricesAsOf: Readonly<Record<string, string>>;
}

/** Estimates every stack with the prices of its own region. */
export function estimatePlatform(
  stacks: readonly SynthesizedStack[],
  prices: (region: string) => PriceBook,
  assumptions: UsageAssumptions,
): PlatformEstimate {
  const estimates = stacks.map((s) => ({ id: s.id, ...estimateStack(s, prices(s.region), assumptions) }));
  const usage = new Map<string, UsageLine>();
  const unpriced: Record<string, number> = {};
  for (const e of estimates) {
    for (const line of e.usage) {
      const key = `${e.region}|${line.type}|${line.item}|${line.usd}`;
      usage.set(key, { ...line, resources: (usage.get(key)?.resources ?? 0) + line.resources });
    }
    for (const [type, n] of Object.entries(e.unpriced)) unpriced[type] = (unpriced[type] ?? 0) + n;
  }
  const regions = [...new Set(estimates.map((e) => e.region))].sort();
  return {
    monthlyUsd: sum(estimates.map((e) => e.monthlyUsd)),
    stacks: estimates,
    usage: [...usage.values()],
    unpriced,
    pricesAsOf: Object.fromEntries(regions.map((r) => [r, prices(r).asOf])),
  };
}

/** What one more department costs a month: its own stack and what it adds to shared stacks. */
export interface MarginalDepartment {
  readonly monthlyUsd: number;
  /** The new department's own stack. */
  readonly ownStackUsd: number;
  /** The rest: shared stacks that grew (a Transit Gateway attachment's traffic, a budget, …). */
  readonly sharedUsd: number;
  /** Every stack whose baseline changed, and by how much. */
  readonly byStack: readonly { readonly stack: string; readonly deltaUsd: number }[];
}

/** The difference a department makes: the platform with it against the platform without it. */
export function marginalDepartment(before: PlatformEstimate, after: PlatformEstimate, newStackId: string): MarginalDepartment {
  const previous = new Map(before.stacks.map((s) => [s.id, s.monthlyUsd]));
  const byStack = after.stacks
    .map((s) => ({ stack: s.stack, id: s.id, deltaUsd: s.monthlyUsd - (previous.get(s.id) ?? 0) }))
    .filter((d) => Math.abs(d.deltaUsd) > 1e-9);
  const own = after.stacks.find((s) => s.id === newStackId)?.monthlyUsd ?? 0;
  const total = after.monthlyUsd - before.monthlyUsd;
  return {
    monthlyUsd: total,
    ownStackUsd: own,
    sharedUsd: total - own,
    byStack: byStack.map(({ stack, deltaUsd }) => ({ stack, deltaUsd })),
  };
}

/** A department's estimated baseline against its budget. */
export interface DepartmentCost {
  readonly code: string;
  readonly ownStackUsd: number;
  /** Its part of the shared stacks: what one more department adds to them. */
  readonly sharedUsd: number;
  readonly monthlyUsd: number;
  readonly monthlyBudgetUsd: number;
  readonly overBudget: boolean;
}

export const departmentStackId = (code: string) => `Dept-${code}`;

export function departmentCosts(config: PlatformConfig, platform: PlatformEstimate, sharedPerDepartmentUsd: number): DepartmentCost[] {
  return config.departments.map((d) => {
    const own = platform.stacks.find((s) => s.id === departmentStackId(d.code))?.monthlyUsd ?? 0;
    const total = own + sharedPerDepartmentUsd;
    return {
      code: d.code,
      ownStackUsd: own,
      sharedUsd: sharedPerDepartmentUsd,
      monthlyUsd: total,
      monthlyBudgetUsd: d.monthlyBudgetUsd,
      overBudget: total > d.monthlyBudgetUsd,
    };
  });
}

/** The warning a department over its budget gets when its config is validated. */
export function budgetWarnings(costs: readonly DepartmentCost[]): string[] {
  return costs
    .filter((c) => c.overBudget)
    .map(
      (c) =>
        `warning: department ${c.code}'s estimated baseline is $${c.monthlyUsd.toFixed(2)} a month, over its monthlyBudgetUsd of $${c.monthlyBudgetUsd} (its stack $${c.ownStackUsd.toFixed(2)}, its part of shared stacks $${c.sharedUsd.toFixed(2)}); raise the budget or expect its alerts`,
    );
}
