/** One stored artifact of the provider (token, code, session, grant, interaction). */
interface Entry {
  readonly payload: Record<string, any>;
  readonly expiresAt?: number;
}

/**
 * The provider's storage: a Map in memory, kept per start. It follows oidc-provider's adapter
 * interface and indexes artifacts by grant, so a subject's grants can be listed and revoked.
 */
export class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly byGrant = new Map<string, Set<string>>();
  private readonly byUid = new Map<string, string>();

  get(key: string): Record<string, any> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: Record<string, any>, expiresIn?: number): void {
    this.entries.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    const grantId = key.startsWith('Grant:') ? key.slice('Grant:'.length) : payload.grantId;
    if (typeof grantId === 'string') {
      const keys = this.byGrant.get(grantId) ?? new Set<string>();
      keys.add(key);
      this.byGrant.set(grantId, keys);
    }
    if (typeof payload.uid === 'string') this.byUid.set(`${key.split(':')[0]}:${payload.uid}`, key);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  keyOfUid(model: string, uid: string): string | undefined {
    return this.byUid.get(`${model}:${uid}`);
  }

  /** Deletes a grant and every token, code and session binding issued under it. */
  revokeGrant(grantId: string): void {
    for (const key of this.byGrant.get(grantId) ?? []) this.entries.delete(key);
    this.byGrant.delete(grantId);
  }

  /** Live grants (payloads with their id). */
  grants(): { grantId: string; payload: Record<string, any> }[] {
    const found: { grantId: string; payload: Record<string, any> }[] = [];
    for (const key of this.entries.keys()) {
      if (!key.startsWith('Grant:')) continue;
      const payload = this.get(key);
      if (payload) found.push({ grantId: key.slice('Grant:'.length), payload });
    }
    return found;
  }

  /** Number of live artifacts of a model (for diagnostics and tests). */
  count(model: string): number {
    let n = 0;
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${model}:`) && this.get(key)) n += 1;
    return n;
  }

  /** An oidc-provider adapter class bound to this store. */
  adapter(): new (name: string) => object {
    const store = this;
    return class MapAdapter {
      constructor(private readonly name: string) {}
      private key(id: string): string {
        return `${this.name}:${id}`;
      }
      async upsert(id: string, payload: Record<string, any>, expiresIn?: number): Promise<void> {
        store.set(this.key(id), payload, expiresIn);
      }
      async find(id: string): Promise<Record<string, any> | undefined> {
        return store.get(this.key(id));
      }
      async findByUid(uid: string): Promise<Record<string, any> | undefined> {
        const key = store.keyOfUid(this.name, uid);
        return key ? store.get(key) : undefined;
      }
      async findByUserCode(): Promise<undefined> {
        return undefined;
      }
      async consume(id: string): Promise<void> {
        const payload = store.get(this.key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      }
      async destroy(id: string): Promise<void> {
        store.delete(this.key(id));
      }
      async revokeByGrantId(grantId: string): Promise<void> {
        store.revokeGrant(grantId);
      }
    };
  }
}
