/**
 * Values kept for a few seconds per key, with one load in flight per key: concurrent callers
 * of the same key share it. A failed load is not kept. Used for a caller's permission
 * decisions and catalog visibility, which every request needs and which change rarely:
 * a changed policy or catalog applies to a caller within `ttlMs`.
 */
export class ShortLivedCache<V> {
  private readonly entries = new Map<
    string,
    { value: Promise<V>; expiresAt: number }
  >();

  constructor(
    private readonly options: {
      ttlMs: number;
      /** At most this many keys; when full, expired ones go, then all. */
      maxEntries?: number;
      /** The clock; tests pass their own. */
      now?: () => number;
    },
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = (this.options.now ?? Date.now)();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value;
    this.makeRoom(now);
    const value = load();
    this.entries.set(key, { value, expiresAt: now + this.options.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  private makeRoom(now: number) {
    if (this.entries.size < (this.options.maxEntries ?? 10_000)) return;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
    if (this.entries.size >= (this.options.maxEntries ?? 10_000))
      this.entries.clear();
  }
}
