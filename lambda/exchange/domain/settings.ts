import * as z from 'zod';

/**
 * The exchange's settings, from the platform config's `exchange` section, passed to the
 * functions (and local mode) as one JSON environment variable and parsed by this same schema.
 */
export const exchangeSettingsSchema = z.strictObject({
  /** Most rows one query may return. @default 1000 */
  maxRows: z.int().min(1).max(10_000).default(1000),
  /** Longest period, in days, an access request may ask for. @default 365 */
  maxGrantDays: z.int().min(1).max(3650).default(365),
  /**
   * Most bytes one Athena query of a department's workgroup may scan before Athena cancels it
   * (at least Athena's minimum of 10 MB).
   * @default 1000000000 - 1 GB
   */
  bytesScannedCutoffPerQuery: z.int().min(10_000_000).default(1_000_000_000),
});

export type ExchangeSettings = z.output<typeof exchangeSettingsSchema>;
