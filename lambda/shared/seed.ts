import type { AssuranceLevel } from './assurance';

/** What local mode gives a service's `seedLocal` in `lambda/<service>/seed.ts`. */
export interface SeedContext {
  /** Codes of the departments in the config. */
  readonly departments: readonly string[];
  /**
   * Signs a staff token as local mode's staff pool does, for a seed whose routes need roles the
   * printed officer tokens lack (a records manager).
   * @default - none: the seed prints no tokens of its own
   */
  readonly staffToken?: (subject: string, department: string, roles: readonly string[]) => Promise<string>;
  /**
   * Signs a citizen's token as local mode's citizen sign-in does, at the level given, for a seed
   * whose demo people act as citizens (a supplier's officers).
   * @default - none: the seed prints no citizen tokens of its own
   */
  readonly citizenToken?: (subject: string, assurance: AssuranceLevel) => Promise<string>;
}

/** What a seed made: lines for local mode to print, and the credentials a client needs, by name. */
export interface SeedResult {
  readonly notes: readonly string[];
  /** Like `NOTIFY_API_KEY`: what the conformance clients and the tests read. @default - none */
  readonly credentials?: Readonly<Record<string, string>>;
}

/** Fills a service's embedded storage with demo data. */
export type SeedLocal = (context: SeedContext) => Promise<SeedResult>;
