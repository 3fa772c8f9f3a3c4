/**
 * Indexes `0…n−1` ordered by id in code-unit order, equal ids in input order — the same order as
 * the core's `idOrder`, computed by radix sorts on UTF-16 code units instead of a comparison sort.
 * Short ids (≤ 32 code units, the usual case) take a least-significant-digit radix sort over
 * columns of code units copied once from the strings: each pass reads one compact column, so a
 * million shuffled ids sort without chasing a million string pointers per pass. Longer ids take
 * a most-significant-digit radix sort whose small or wide-alphabet buckets fall back to a
 * comparison sort. Skips all work when the ids already ascend.
 */
export function sortedIdOrder(ids: readonly string[]): Int32Array {
  const keys = new IdKeys(ids.length);
  for (let i = 0; i < ids.length; i++) keys.add(i, ids[i] as string);
  return keys.order(ids);
}

/** `rows` put in `order`: result[o] = rows[order[o]] (`rows` itself when the order is the identity). */
export function gather<T>(rows: T[], order: Int32Array): T[] {
  const n = order.length;
  let identity = true;
  for (let o = 0; o < n && identity; o++) identity = order[o] === o;
  if (identity) return rows;
  const result = new Array<T>(n);
  for (let o = 0; o < n; o++) result[o] = rows[order[o] as number] as T;
  return result;
}

/**
 * Collects the ids of a list as they are read (index order 0, 1, 2, …), so that a caller already
 * touching each row copies its id's code units once, then orders them with {@link sortedIdOrder}'s
 * rules.
 */
export class IdKeys {
  private columns: Uint16Array[] = [];
  private short = true;
  private ascending = true;
  private previous: string | undefined;
  private readonly hashes: Int32Array;
  constructor(private readonly n: number) {
    this.hashes = new Int32Array(n);
  }

  /** Records id number `i` (call with i = 0, 1, 2, … in order). */
  add(i: number, id: string): void {
    if (this.previous !== undefined && this.previous >= id) this.ascending = false;
    this.previous = id;
    const length = id.length;
    if (this.short && length > LSD_MAX_LENGTH) {
      this.short = false;
      this.columns = [];
    }
    if (this.short) while (this.columns.length < length) this.columns.push(new Uint16Array(this.n));
    // A hash of every id (FNV-1a over code units), so that duplicates are found by comparing
    // neighbours' hashes in a compact array rather than chasing a million strings in id order.
    let hash = 0x811c9dc5 ^ length;
    for (let d = 0; d < length; d++) {
      const code = id.charCodeAt(d);
      hash = Math.imul(hash ^ code, 0x01000193);
      if (!this.short) continue;
      if (code === 0xffff) {
        this.short = false;
        this.columns = [];
      } else (this.columns[d] as Uint16Array)[i] = code + 1;
    }
    this.hashes[i] = hash;
  }

  /**
   * Calls `found(i, previous)` for each id equal to the one before it in `order` (the result of
   * {@link IdKeys.order}): every repeat of an id, pointing at its first occurrence's neighbour.
   */
  duplicates(ids: readonly string[], order: Int32Array, found: (i: number, previous: number) => void): void {
    const hashes = this.hashes;
    for (let o = 1; o < order.length; o++) {
      const i = order[o] as number;
      const previous = order[o - 1] as number;
      if (hashes[i] === hashes[previous] && ids[i] === ids[previous]) found(i, previous);
    }
  }

  /** Indexes ordered by id, equal ids in input order. */
  order(ids: readonly string[]): Int32Array {
    const n = this.n;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (this.ascending) return order;
    if (this.short) lsdSort(this.columns, order);
    else msdSort(ids, order);
    return order;
  }
}

/** MSD radix sort of `order` by ids (any length), small or wide buckets by comparison. */
function msdSort(ids: readonly string[], order: Int32Array): void {
  const n = ids.length;
  const scratch = new Int32Array(n);
  const keys = new Int32Array(n);
  // Ranges still to sort: [lo, hi) at character depth `depth`.
  const stack: number[] = [0, n, 0];
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    const size = hi - lo;
    if (size < 2) continue;
    if (size <= 48) {
      compareSort(order, lo, hi, ids);
      continue;
    }
    // key 0: the id ends before `depth`; otherwise code unit + 1.
    let min = 65_537;
    let max = -1;
    for (let a = lo; a < hi; a++) {
      const id = ids[order[a] as number] as string;
      const key = depth < id.length ? id.charCodeAt(depth) + 1 : 0;
      keys[a] = key;
      if (key < min) min = key;
      if (key > max) max = key;
    }
    if (min === max) {
      // One bucket: every id ended here (equal ids, already in input order) or all share this unit.
      if (max !== 0) stack.push(lo, hi, depth + 1);
      continue;
    }
    const width = max - min + 1;
    if (width > 4 * size + 256) {
      compareSort(order, lo, hi, ids);
      continue;
    }
    const counts = new Int32Array(width + 1);
    for (let a = lo; a < hi; a++) (counts[(keys[a] as number) - min + 1] as number)++;
    for (let k = 1; k <= width; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
    // counts[k] is now the start of bucket k (relative to lo); a stable scatter keeps input order.
    for (let a = lo; a < hi; a++) {
      const bucket = (keys[a] as number) - min;
      scratch[lo + (counts[bucket] as number)] = order[a] as number;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    order.set(scratch.subarray(lo, hi), lo);
    // After the scatter counts[k] is the end of bucket k; bucket k starts at counts[k − 1].
    let start = 0;
    for (let k = 0; k < width; k++) {
      const end = counts[k] as number;
      if (end - start > 1 && k + min !== 0) stack.push(lo + start, lo + end, depth + 1);
      start = end;
    }
  }
}

function compareSort(order: Int32Array, lo: number, hi: number, ids: readonly string[]): void {
  const part = Array.from(order.subarray(lo, hi));
  part.sort((a, b) => {
    const x = ids[a] as string;
    const y = ids[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  order.set(part, lo);
}

const LSD_MAX_LENGTH = 32;

/**
 * Stable LSD radix sort of `order` (0…n−1) by ids given as columns of code units + 1 (at most
 * {@link LSD_MAX_LENGTH}), one pass per column from the last to the first (columns where every id
 * has the same unit are skipped). Column value 0 marks "the id has ended", so a prefix sorts
 * before its extensions.
 */
function lsdSort(columns: readonly Uint16Array[], order: Int32Array): void {
  const n = order.length;
  const width = columns.length;
  let from: Int32Array = order;
  let to: Int32Array = new Int32Array(n);
  for (let d = width - 1; d >= 0; d--) {
    const column = columns[d] as Uint16Array;
    let min = 0x10000;
    let max = -1;
    for (let i = 0; i < n; i++) {
      const key = column[i] as number;
      if (key < min) min = key;
      if (key > max) max = key;
    }
    if (min === max) continue; // every id has the same unit here: the pass would change nothing
    const counts = new Int32Array(max - min + 2);
    for (let i = 0; i < n; i++) (counts[(column[i] as number) - min + 1] as number)++;
    for (let k = 1; k < counts.length; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
    for (let a = 0; a < n; a++) {
      const index = from[a] as number;
      const bucket = (column[index] as number) - min;
      to[counts[bucket] as number] = index;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== order) order.set(from);
}
