/** What local mode gives a service's `seedLocal` in `lambda/<service>/seed.ts`. */
export interface SeedContext {
  /** Codes of the departments in the config. */
  readonly departments: readonly string[];
}

/** Fills a service's embedded storage with demo data; returns lines for local mode to print. */
export type SeedLocal = (context: SeedContext) => Promise<string[]>;
