/**
 * Answers of the org views, cached per replica under the count of changes
 * read before computing them (database/DataVersion.ts), so any change on any
 * replica drops them, and under the catalog's org structure they were
 * computed with (a new structure is a new object). Figures relative to the
 * clock (days in status, exceptions expiring within N days) are at most
 * `ttlMs` old. Concurrent requests for the same view share one computation,
 * so a change does not send ten identical aggregations to the database.
 */
export class ViewCache<T> {
  private readonly entries = new Map<
    string,
    { version: number; org: object; at: number; value: Promise<T> }
  >();

  constructor(
    private readonly options: {
      version: () => Promise<number>;
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
    },
  ) {}

  async get(key: string, org: object, compute: () => Promise<T>): Promise<T> {
    const version = await this.options.version();
    const now = (this.options.now ?? Date.now)();
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (
      hit &&
      hit.version === version &&
      hit.org === org &&
      now - hit.at < this.options.ttlMs
    ) {
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const entry = { version, org, at: now, value: compute() };
    this.entries.set(key, entry);
    // A failed computation is not an answer: the next request tries again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldest);
    }
    return entry.value;
  }
}
