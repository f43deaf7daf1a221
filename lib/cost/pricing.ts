import type { UsageAssumptions } from './assumptions';
import type { PriceBook, PriceName } from './price-book';

/** A CloudFormation resource as a template holds it. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
}

/** What a rule knows when it prices a resource. */
export interface PricingContext {
  readonly prices: PriceBook;
  readonly assumptions: UsageAssumptions;
}

/** One priced item of a resource's monthly baseline. */
export interface BaselineItem {
  readonly item: string;
  readonly monthlyUsd: number;
  /** The quantity and unit price, and any volume assumed: written beside the figure. */
  readonly assumption: string;
}

/** A unit price of a resource billed by use, for the usage table. */
export interface UsageItem {
  readonly item: string;
  readonly usd: number;
  readonly per: string;
}

/** How a resource type is priced: a standing monthly charge, by use only, or not at all. */
export type Pricing =
  /** `undefined` from `items`: this resource is configured in a way that has no price here (listed as unpriced). */
  | { readonly kind: 'baseline'; readonly items: (resource: TemplateResource, ctx: PricingContext) => BaselineItem[] | undefined }
  | { readonly kind: 'usage'; readonly items: (resource: TemplateResource, ctx: PricingContext) => UsageItem[] }
  | { readonly kind: 'free'; readonly why: string };

const usd = (n: number) => `$${n < 0.01 ? n.toPrecision(2) : n.toFixed(n < 1 ? 4 : 2).replace(/\.?0+$/, '')}`;

/** A charge of `quantity` units at a named price, with the arithmetic written out. */
export function charge(ctx: PricingContext, item: string, name: PriceName, quantity: number, what: string): BaselineItem {
  const price = ctx.prices.price(name);
  return { item, monthlyUsd: quantity * price.usd, assumption: `${what} × ${usd(price.usd)} per ${price.per}` };
}

/** An always-on hourly charge, `count` of them, for the assumed hours of a month. */
export function hourly(ctx: PricingContext, item: string, name: PriceName, count = 1): BaselineItem {
  const hours = ctx.assumptions.hoursPerMonth;
  return charge(ctx, item, name, count * hours, count === 1 ? `${hours} h` : `${count} × ${hours} h`);
}

const PER_MILLION: ReadonlyArray<[RegExp, number]> = [
  [/^1,000 (.+)$/, 1_000],
  [/^10,000 (.+)$/, 100],
  [/^100,000 (.+)$/, 10],
];

/** A unit price, per million of what is counted where the page prices per thousands of them. */
export function unitPrice(ctx: PricingContext, item: string, name: PriceName): UsageItem {
  const price = ctx.prices.price(name);
  for (const [pattern, factor] of PER_MILLION) {
    const match = pattern.exec(price.per);
    if (match) return { item, usd: price.usd * factor, per: `million ${match[1]}` };
  }
  return { item, usd: price.usd, per: price.per };
}

/** The length of a list property, 0 when absent or not a list (a token, say). */
export function listLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}
