import type { StoredPackage } from '../domain/entities';
import { SearchIndex } from '../domain/search-index';
import type { Catalogue, Clock, PackageRepository, RegistryRepository } from '../ports';

export interface CatalogIndexOptions {
  /**
   * How long a warm instance answers from its index before asking DynamoDB for datasets written
   * since. @default 5000
   */
  readonly refreshIntervalMs?: number;
  /**
   * How far back each refresh looks before the last one, so writes stamped by a clock slightly
   * behind are not missed. Re-applying a dataset is harmless. @default 60000
   */
  readonly overlapMs?: number;
  /** How often organizations and groups are re-read. @default 60000 */
  readonly registryIntervalMs?: number;
}

/**
 * The search index of one function instance: loaded in full on first use (the cold start),
 * then kept current with the datasets written since, which the byModified index returns.
 * Writes made by this instance are applied at once, so a caller sees its own changes.
 */
export class CatalogIndex implements Catalogue {
  private index: SearchIndex | undefined;
  private loading: Promise<SearchIndex> | undefined;
  private watermark = 0;
  private lastRefresh = 0;
  private lastRegistryLoad = 0;
  private readonly refreshIntervalMs: number;
  private readonly overlapMs: number;
  private readonly registryIntervalMs: number;

  constructor(
    private readonly packages: PackageRepository,
    private readonly registry: RegistryRepository,
    private readonly clock: Clock,
    options: CatalogIndexOptions = {},
  ) {
    this.refreshIntervalMs = options.refreshIntervalMs ?? 5000;
    this.overlapMs = options.overlapMs ?? 60_000;
    this.registryIntervalMs = options.registryIntervalMs ?? 60_000;
  }

  /** The index, refreshed if it is older than the refresh interval. */
  async current(): Promise<SearchIndex> {
    if (!this.index) {
      this.loading ??= this.load().finally(() => {
        this.loading = undefined;
      });
      return this.loading;
    }
    const now = this.clock.now().getTime();
    if (now - this.lastRefresh >= this.refreshIntervalMs) {
      this.loading ??= this.refresh(now).finally(() => {
        this.loading = undefined;
      });
      return this.loading;
    }
    return this.index;
  }

  /** Applies a dataset this instance has just written. */
  remember(pkg: StoredPackage): void {
    this.index?.upsert(pkg);
  }

  /** Drops the index so the next use loads everything again (after seeding, say). */
  reset(): void {
    this.index = undefined;
  }

  private async load(): Promise<SearchIndex> {
    const started = this.clock.now().getTime();
    const [packages, organizations, groups] = await Promise.all([
      this.packages.all(),
      this.registry.organizations(),
      this.registry.groups(),
    ]);
    const index = new SearchIndex(organizations, groups);
    for (const pkg of packages) index.upsert(pkg);
    this.index = index;
    this.watermark = started;
    this.lastRefresh = started;
    this.lastRegistryLoad = started;
    return index;
  }

  private async refresh(now: number): Promise<SearchIndex> {
    const index = this.index!;
    const since = new Date(this.watermark - this.overlapMs).toISOString();
    const registryDue = now - this.lastRegistryLoad >= this.registryIntervalMs;
    const [changed, organizations, groups] = await Promise.all([
      this.packages.changedSince(since),
      registryDue ? this.registry.organizations() : undefined,
      registryDue ? this.registry.groups() : undefined,
    ]);
    if (organizations && groups) {
      index.setRegistry(organizations, groups);
      this.lastRegistryLoad = now;
    }
    for (const pkg of changed) index.upsert(pkg);
    this.watermark = now;
    this.lastRefresh = now;
    return index;
  }
}
