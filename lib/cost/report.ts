import type { PlatformCost } from './platform-cost';
import type { IdentifiedStackEstimate } from './platform-estimate';

const money = (usd: number) => `$${usd.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const right = (text: string, width: number) => text.padStart(width);

/** A stack's lines with identical items and assumptions folded into one, with their count. */
export function foldedLines(stack: IdentifiedStackEstimate) {
  const folded = new Map<string, { item: string; assumption: string; count: number; monthlyUsd: number }>();
  for (const line of stack.baseline) {
    const key = `${line.item}|${line.assumption}`;
    const seen = folded.get(key) ?? { item: line.item, assumption: line.assumption, count: 0, monthlyUsd: 0 };
    folded.set(key, { ...seen, count: seen.count + 1, monthlyUsd: seen.monthlyUsd + line.monthlyUsd });
  }
  return [...folded.values()].sort((a, b) => b.monthlyUsd - a.monthlyUsd);
}

export interface ReportOptions {
  /** What the estimate is of, like the config file. */
  readonly title: string;
  /** Only each stack's total, not its lines. */
  readonly summary?: boolean;
}

/** The estimate as the text tables `npm run cost` prints. */
export function costReport(cost: PlatformCost, options: ReportOptions): string {
  const { platform } = cost;
  const out: string[] = [];
  out.push(`Monthly cost estimate of ${options.title}, profile ${cost.profile}, in USD`);
  out.push(
    `Prices: ${Object.entries(platform.pricesAsOf)
      .map(([region, day]) => `${region} as of ${day}`)
      .join(', ')} (on-demand list prices, lib/cost/prices/<region>.json); ${cost.assumptions.hoursPerMonth} hours a month.`,
  );
  out.push('');
  for (const stack of [...platform.stacks].sort((a, b) => b.monthlyUsd - a.monthlyUsd)) {
    out.push(`${stack.stack} (${stack.region})`.padEnd(70) + right(money(stack.monthlyUsd), 14));
    if (options.summary) continue;
    for (const line of foldedLines(stack)) {
      const item = line.count > 1 ? `${line.item} ×${line.count}` : line.item;
      out.push(`  ${right(money(line.monthlyUsd), 12)}  ${item.padEnd(48)} ${line.count > 1 ? 'each ' : ''}${line.assumption}`);
    }
  }
  const m = cost.marginalDepartment;
  out.push('');
  out.push('Totals (monthly baseline; usage-priced services below are not in them)');
  out.push(`  ${'the platform, production profile'.padEnd(44)}${right(money(cost.profiles.production), 14)}`);
  out.push(`  ${'the platform, dev profile'.padEnd(44)}${right(money(cost.profiles.dev), 14)}`);
  out.push(`  ${'one more department'.padEnd(44)}${right(money(m.monthlyUsd), 14)}`);
  out.push(`    ${'its own stack'.padEnd(42)}${right(money(m.ownStackUsd), 14)}`);
  out.push(`    ${'what it adds to shared stacks'.padEnd(42)}${right(money(m.sharedUsd), 14)}`);
  for (const d of m.byStack)
    out.push(`      ${d.stack.padEnd(40)}${right(`${d.deltaUsd >= 0 ? '+' : '−'}${money(Math.abs(d.deltaUsd))}`, 14)}`);
  out.push('');
  out.push('Departments: estimated baseline (own stack and its part of shared stacks) against monthlyBudgetUsd');
  for (const d of cost.departments) {
    out.push(
      `  ${d.code.padEnd(10)}${right(money(d.monthlyUsd), 14)}  budget ${right(money(d.monthlyBudgetUsd), 14)}${d.overBudget ? '  OVER BUDGET' : ''}`,
    );
  }
  out.push('');
  out.push('Usage-priced resources: unit prices (the bill grows with use)');
  const usage = [...platform.usage].sort((a, b) => a.type.localeCompare(b.type) || a.item.localeCompare(b.item));
  for (const u of usage) out.push(`  ${u.item.padEnd(56)}${right(money4(u.usd), 14)} per ${u.per}   (${u.resources} × ${u.type})`);
  out.push('');
  const unpriced = Object.entries(platform.unpriced);
  out.push(
    unpriced.length === 0
      ? 'Unpriced resource types: none (every resource is priced, usage-priced or has no charge).'
      : `Unpriced resource types (not in the totals): ${unpriced.map(([t, n]) => `${t} ×${n}`).join(', ')}`,
  );
  return `${out.join('\n')}\n`;
}

function money4(usd: number): string {
  return usd >= 0.01 ? money(usd) : `$${usd.toPrecision(3)}`;
}
