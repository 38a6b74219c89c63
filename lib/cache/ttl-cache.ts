import "server-only";

/**
 * A small in-process cache with a time to live, for what is not patient data and changes rarely (an
 * organization's settings, a caregiver's security policy derived from them). Each instance has its own:
 * the instance that makes a change invalidates its entries at once, the others see it within `ttlMs`
 * (docs/decisions/033-leader-election-and-caching.md). A load that fails is not kept.
 */
export class TtlCache<V> {
  private entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const t = performance.now();
    const hit = this.entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = (async () => load())();
    this.entries.set(key, { at: t, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forget one key, or everything. */
  invalidate(key?: string) {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
