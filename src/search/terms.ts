import SearchableMap from "minisearch/SearchableMap";
import type { TermData } from "./engine.js";

/**
 * The term dictionary MiniSearch searches, in place of its radix tree of `Map`s (about 300 bytes
 * per term: 400 MB at the archive's 1.4 million terms). The terms of a build or a load are one
 * string of sorted keys with their offsets, looked up by binary search; each term's data is made
 * when asked for. Terms added later (live updates) go to a `SearchableMap`; terms changed or
 * removed by MiniSearch's `add`/`remove` are remembered by position.
 *
 * It implements what MiniSearch 7.2 calls on its index: get, has, fetch, set, delete, size,
 * atPrefix (iterated), fuzzyGet (its Levenshtein walk, over sorted keys instead of tree nodes)
 * and iteration.
 */
export class TermDictionary {
  /** The sorted terms, each followed by "\n". */
  private readonly text: string;
  /** Where each sorted term starts in `text`, and one more entry for the end. */
  private readonly starts: Uint32Array;
  private readonly count: number;
  /**
   * The positions of the sorted keys from "A" to before "W" when every one of them has three or
   * more characters and starts with three digits or upper-case letters (search's Han keys:
   * base-36 digits, the first A–V), else null: found while the keys are first read (a check of
   * its own at the first fuzzy look-up cost that look-up 35–50 ms).
   */
  private readonly upperCase: { from: number; end: number } | null;
  /** Data of sorted terms MiniSearch changed (`fetch`/`set`), or null where it deleted one. */
  private readonly touched = new Map<number, TermData | null>();
  private deleted = 0;
  /** Terms that were not among the sorted ones. */
  private readonly added = new SearchableMap<TermData>();

  constructor(
    /** The sorted keys, each followed by "\n". */
    text: string,
    count: number,
    /** The data of the sorted term at a position, as first built or loaded. */
    private readonly make: (position: number) => TermData,
    /**
     * Whether to check that the keys are sorted: not for keys this module wrote that passed a
     * checksum since (a persisted index), where it is a sixth of a warm start's search section.
     */
    checkSorted = true,
  ) {
    this.text = text;
    this.count = count;
    this.starts = new Uint32Array(count + 1);
    let at = 0;
    let upperCaseOnly = true;
    for (let i = 0; i < count; i++) {
      this.starts[i] = at;
      const end = text.indexOf("\n", at);
      if (end < 0) throw new Error("search index: fewer term keys than terms");
      // A key from "A" to before "W" (its first character A–V).
      const first = text.charCodeAt(at);
      if (first >= 0x41 && first < 0x57 && upperCaseOnly)
        upperCaseOnly = end - at >= 3 && isUpperCaseOrDigit(text, at + 1, at + 3);
      at = end + 1;
    }
    this.starts[count] = at;
    if (at !== text.length) throw new Error("search index: more term keys than terms");
    this.upperCase = upperCaseOnly
      ? { from: this.lowerBound("A"), end: this.lowerBound("W") }
      : null;
    for (let i = 1; checkSorted && i < count; i++) {
      if (this.compareKeys(i - 1, i) >= 0)
        throw new Error("search index: term keys are not sorted");
    }
  }

  /** Sign of (term at `a`) − (term at `b`), in code-unit order. */
  private compareKeys(a: number, b: number): number {
    const startA = this.starts[a] as number;
    const startB = this.starts[b] as number;
    const lengthA = (this.starts[a + 1] as number) - 1 - startA;
    const lengthB = (this.starts[b + 1] as number) - 1 - startB;
    const shared = Math.min(lengthA, lengthB);
    for (let i = 0; i < shared; i++) {
      const difference = this.text.charCodeAt(startA + i) - this.text.charCodeAt(startB + i);
      if (difference !== 0) return difference;
    }
    return lengthA - lengthB;
  }

  /**
   * The sorted keys' text (each key followed by "\n") while no term was changed, added or
   * removed since the dictionary was built or loaded, else undefined: a save then writes it as it
   * is rather than a string per key.
   */
  get untouchedText(): string | undefined {
    return this.touched.size === 0 && this.added.size === 0 ? this.text : undefined;
  }

  keyAt(position: number): string {
    return this.text.slice(this.starts[position], (this.starts[position + 1] as number) - 1);
  }

  /** Sign of (term at `position`) − `key`, in code-unit order. */
  private compareAt(position: number, key: string): number {
    const start = this.starts[position] as number;
    const length = (this.starts[position + 1] as number) - 1 - start;
    const shared = Math.min(length, key.length);
    for (let i = 0; i < shared; i++) {
      const difference = this.text.charCodeAt(start + i) - key.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }

  private startsWithAt(position: number, prefix: string): boolean {
    const start = this.starts[position] as number;
    if ((this.starts[position + 1] as number) - 1 - start < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++)
      if (this.text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return false;
    return true;
  }

  /** The first position whose term is not below `key`. */
  private lowerBound(key: string): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compareAt(middle, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private position(key: string): number {
    const at = this.lowerBound(key);
    return at < this.count && this.compareAt(at, key) === 0 ? at : -1;
  }

  /** Whether the term at `position` starts with the first `length` characters of the one at `of`. */
  private sharesPrefix(position: number, of: number, length: number): boolean {
    const start = this.starts[position] as number;
    if ((this.starts[position + 1] as number) - 1 - start < length) return false;
    const other = this.starts[of] as number;
    for (let i = 0; i < length; i++)
      if (this.text.charCodeAt(start + i) !== this.text.charCodeAt(other + i)) return false;
    return true;
  }

  /**
   * The first position after `of` whose term does not start with the first `length` characters
   * of the term at `of`: galloping, since the run of such terms is usually short.
   */
  private skipPrefix(of: number, length: number): number {
    let low = of + 1;
    let step = 1;
    while (low < this.count && this.sharesPrefix(low, of, length)) {
      low += step;
      step *= 2;
    }
    // The answer lies after the last position seen sharing the prefix, and at most at `low`.
    let high = Math.min(low, this.count);
    low = step === 1 ? of + 1 : low - step / 2 + 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sharesPrefix(middle, of, length)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The first position from `from` whose term does not start with `prefix`. */
  private prefixEnd(prefix: string, from: number): number {
    let low = from;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.startsWithAt(middle, prefix)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private valueAt(position: number): TermData | undefined {
    const touched = this.touched.get(position);
    if (touched === null) return undefined;
    return touched ?? this.make(position);
  }

  get size(): number {
    return this.count - this.deleted + this.added.size;
  }

  get(key: string): TermData | undefined {
    const at = this.position(key);
    return at >= 0 ? this.valueAt(at) : this.added.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The term's data, kept from now on since the caller changes it (MiniSearch's add/remove). */
  fetch(key: string, initial: () => TermData): TermData {
    const at = this.position(key);
    if (at < 0) return this.added.fetch(key, initial);
    const touched = this.touched.get(at);
    if (touched) return touched;
    if (touched === null) this.deleted--;
    const value = touched === null ? initial() : this.make(at);
    this.touched.set(at, value);
    return value;
  }

  set(key: string, value: TermData): this {
    const at = this.position(key);
    if (at < 0) this.added.set(key, value);
    else {
      if (this.touched.get(at) === null) this.deleted--;
      this.touched.set(at, value);
    }
    return this;
  }

  delete(key: string): void {
    const at = this.position(key);
    if (at < 0) this.added.delete(key);
    else if (this.touched.get(at) !== null) {
      this.touched.set(at, null);
      this.deleted++;
    }
  }

  /** Every term starting with `prefix`, and its data. */
  *atPrefix(prefix: string): Generator<[string, TermData]> {
    const from = this.lowerBound(prefix);
    const end = this.prefixEnd(prefix, from);
    for (let at = from; at < end; at++) {
      const value = this.valueAt(at);
      if (value) yield [this.keyAt(at), value];
    }
    yield* this.added.atPrefix(prefix);
  }

  /**
   * Every term within `maxDistance` edits of `query`, with its data and distance: MiniSearch's
   * Levenshtein matrix, one row per character of a term, rows shared with the previous term's
   * common prefix, and every term under a prefix already too far skipped.
   */
  fuzzyGet(query: string, maxDistance: number): Map<string, [TermData, number]> {
    const results = new Map<string, [TermData, number]>();
    const n = query.length + 1;
    const m = n + maxDistance;
    const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
    for (let j = 0; j < n; j++) matrix[j] = j;
    for (let i = 1; i < m; i++) matrix[i * n] = i;
    const text = this.text;
    /** Rows 1..`valid` hold the characters of the term at `rowsOf`. */
    let rowsOf = -1;
    let valid = 0;
    let at = 0;
    // Keys starting with three digits or upper-case letters (search's Han keys) are more than two
    // edits from a query of other characters (each of their first three rows of distances is at
    // least its row number): the walk over their thousands of prefixes is skipped.
    const skipped = maxDistance < 3 && !/[0-9A-Z]/.test(query) ? this.upperCase : undefined;
    const skipFrom = skipped?.from ?? this.count;
    const skipEnd = skipped?.end ?? this.count;
    while (at < this.count) {
      if (at >= skipFrom && at < skipEnd) {
        at = skipEnd;
        continue;
      }
      const start = this.starts[at] as number;
      const length = (this.starts[at + 1] as number) - 1 - start;
      let row = 0;
      if (rowsOf >= 0) {
        const previous = this.starts[rowsOf] as number;
        const limit = Math.min(valid, length);
        while (row < limit && text.charCodeAt(previous + row) === text.charCodeAt(start + row))
          row++;
      }
      rowsOf = at;
      let pruned = -1;
      for (let i = row + 1; i <= length; i++) {
        if (i >= m) {
          pruned = i;
          break;
        }
        const char = text.charCodeAt(start + i - 1);
        const thisRow = n * i;
        const previousRow = thisRow - n;
        let minDistance = matrix[thisRow] as number;
        const jmin = Math.max(0, i - maxDistance - 1);
        const jmax = Math.min(n - 1, i + maxDistance);
        for (let j = jmin; j < jmax; j++) {
          const different = char !== query.charCodeAt(j) ? 1 : 0;
          const replace = (matrix[previousRow + j] as number) + different;
          const remove = (matrix[previousRow + j + 1] as number) + 1;
          const insert = (matrix[thisRow + j] as number) + 1;
          const distance = Math.min(replace, remove, insert);
          matrix[thisRow + j + 1] = distance;
          if (distance < minDistance) minDistance = distance;
        }
        valid = i;
        if (minDistance > maxDistance) {
          pruned = i;
          break;
        }
      }
      if (pruned < 0) {
        valid = length;
        const distance = matrix[(length + 1) * n - 1] as number;
        const value = distance <= maxDistance ? this.valueAt(at) : undefined;
        if (value) results.set(this.keyAt(at), [value, distance]);
        at++;
      } else {
        // No term starting with these `pruned` characters is close enough.
        valid = Math.min(valid, pruned - 1);
        at = this.skipPrefix(at, pruned);
      }
    }
    for (const [key, found] of this.added.fuzzyGet(query, maxDistance)) results.set(key, found);
    return results;
  }

  /** Every term and its data, in code-unit order of the keys. */
  *sorted(): Generator<[string, TermData]> {
    const added = [...this.added.keys()].sort();
    let next = 0;
    for (let at = 0; at < this.count; at++) {
      const value = this.valueAt(at);
      if (!value) continue;
      const key = this.keyAt(at);
      while (next < added.length && (added[next] as string) < key) {
        const addedKey = added[next++] as string;
        yield [addedKey, this.added.get(addedKey) as TermData];
      }
      yield [key, value];
    }
    for (; next < added.length; next++) {
      const addedKey = added[next] as string;
      yield [addedKey, this.added.get(addedKey) as TermData];
    }
  }

  *entries(): Generator<[string, TermData]> {
    for (let at = 0; at < this.count; at++) {
      const value = this.valueAt(at);
      if (value) yield [this.keyAt(at), value];
    }
    yield* this.added.entries();
  }

  *keys(): Generator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): Generator<TermData> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(visit: (key: string, value: TermData, map: this) => void): void {
    for (const [key, value] of this.entries()) visit(key, value, this);
  }

  [Symbol.iterator](): Generator<[string, TermData]> {
    return this.entries();
  }
}

/** Whether the units of `text` from `start` to before `end` are all digits or upper-case letters. */
function isUpperCaseOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a))) return false;
  }
  return true;
}
