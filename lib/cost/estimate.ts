import type { UsageAssumptions } from './assumptions';
import type { PriceBook } from './price-book';
import type { TemplateResource } from './pricing';
import { pricingOf } from './rules';

/** One line of a stack's monthly baseline. */
export interface BaselineLine {
  readonly logicalId: string;
  readonly type: string;
  readonly item: string;
  readonly monthlyUsd: number;
  readonly assumption: string;
}

/** A usage-priced resource's unit prices, once per type and price in a stack. */
export interface UsageLine {
  readonly type: string;
  readonly item: string;
  readonly usd: number;
  readonly per: string;
  /** How many resources of the stack this price applies to. */
  readonly resources: number;
}

export interface StackEstimate {
  readonly stack: string;
  readonly region: string;
  readonly monthlyUsd: number;
  readonly baseline: readonly BaselineLine[];
  readonly usage: readonly UsageLine[];
  /** Resource types (and how many of each) that have no price: never counted as zero. */
  readonly unpriced: Readonly<Record<string, number>>;
}

export interface StackTemplate {
  readonly stack: string;
  readonly region: string;
  readonly template: { readonly Resources?: Record<string, TemplateResource> };
}

/** The monthly baseline, usage prices and unpriced resources of one stack's template. Pure. */
export function estimateStack(input: StackTemplate, prices: PriceBook, assumptions: UsageAssumptions): StackEstimate {
  const ctx = { prices, assumptions };
  const baseline: BaselineLine[] = [];
  const usage = new Map<string, UsageLine>();
  const unpriced: Record<string, number> = {};
  for (const [logicalId, resource] of Object.entries(input.template.Resources ?? {})) {
    const pricing = pricingOf(resource.Type);
    if (!pricing) {
      unpriced[resource.Type] = (unpriced[resource.Type] ?? 0) + 1;
      continue;
    }
    if (pricing.kind === 'baseline') {
      const items = pricing.items(resource, ctx);
      if (items === undefined) unpriced[resource.Type] = (unpriced[resource.Type] ?? 0) + 1;
      for (const item of items ?? []) baseline.push({ logicalId, type: resource.Type, ...item });
    } else if (pricing.kind === 'usage') {
      for (const item of pricing.items(resource, ctx)) {
        const key = `${resource.Type}|${item.item}|${item.usd}`;
        const seen = usage.get(key);
        usage.set(key, { type: resource.Type, ...item, resources: (seen?.resources ?? 0) + 1 });
      }
    }
  }
  return {
    stack: input.stack,
    region: input.region,
    monthlyUsd: sum(baseline.map((l) => l.monthlyUsd)),
    baseline,
    usage: [...usage.values()],
    unpriced,
  };
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
