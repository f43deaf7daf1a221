import { DEFAULT_ASSUMPTIONS } from '../../lib/cost/assumptions';
import { PRICE_NAMES, PriceBook, type PriceName } from '../../lib/cost/price-book';
import type { PricingContext } from '../../lib/cost/pricing';

/**
 * A price book for hand-computed figures: every price is its position in PRICE_NAMES plus one,
 * in cents (natGatewayHour $0.01, natGatewayGb $0.02, …), so a figure that used the wrong price is wrong.
 */
export function testPrices(overrides: Partial<Record<PriceName, number>> = {}): PriceBook {
  return new PriceBook({
    region: 'test-region-1',
    currency: 'USD',
    asOf: '2026-12-02',
    about: 'test prices',
    prices: Object.fromEntries(
      PRICE_NAMES.map((name, i) => [
        name,
        { usd: overrides[name] ?? (i + 1) / 100, per: 'unit', source: 'https://aws.amazon.com/pricing/', regional: true },
      ]),
    ),
  });
}

/** The test price of a name. */
export const p = (name: PriceName) => testPrices().usd(name);

export const testContext = (): PricingContext => ({ prices: testPrices(), assumptions: DEFAULT_ASSUMPTIONS });
