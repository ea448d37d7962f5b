/**
 * A map that keeps only the `capacity` entries read or written last (least recently used
 * dropped first). /ask keeps what it derives from an article (sentences, folded texts, name
 * pairs, the places its lead implies) for the articles it read last: a `WeakMap` keyed by the
 * article keeps them as long as the archive holds the article, so serving memory grew with every
 * article any question ever touched (at the archive, without bound in practice).
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Sets the value (the most recently used), dropping the least recently used beyond capacity. */
  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
    return this;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** How many articles /ask keeps what it derived from (about 20 questions' worth of articles). */
export const RECENT_ARTICLES = 512;
