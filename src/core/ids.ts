/**
 * The library's one id order and duplicate check (SPEC §1.4: ties broken by ids, never by input or
 * hash order). Ids compare by UTF-16 code units. {@link IdKeys} is the fast kernel: radix sorts on
 * code units for the order, and FNV-1a hashes so that duplicates are found by comparing compact
 * integers, not a million strings. {@link compareIds} is its slow twin (a property holds the two
 * together in test/core/ids.prop.test.ts).
 */
import type { IssueList, IssuePath } from './errors.js';

/** Compares strings by UTF-16 code units: the library's one id order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether each id is above the one before: already in order, and without repeats. */
function strictlyAscending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}

/** `0…n−1`. */
function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** Indexes `0…n−1` ordered by id, equal ids in input order: `ids` sorted without moving them. */
export function orderIds(ids: readonly string[]): Int32Array {
  const order = identity(ids.length);
  if (!strictlyAscending(ids)) sortByIds(ids, order); // no hashes: only the order is asked for
  return order;
}

/** Sorts `order` (`0…n−1`) by id, equal ids in input order: LSD radix, MSD radix, or a comparison sort when few. */
function sortByIds(ids: readonly string[], order: Int32Array): void {
  const columns = ids.length < SMALL ? undefined : codeUnitColumns(ids);
  if (columns !== undefined) lsdSort(columns, order);
  else if (ids.length < SMALL) compareSort(order, 0, ids.length, ids);
  else msdSort(ids, order);
}

/** `rows` put in `order`: result[o] = rows[order[o]] (`rows` itself when the order is the identity). */
export function gather<T>(rows: T[], order: Int32Array): T[] {
  let inOrder = true;
  for (let o = 0; o < order.length && inOrder; o++) inOrder = order[o] === o;
  if (inOrder) return rows;
  const gathered = new Array<T>(order.length); // a loop: Array.from over a typed array is five times slower
  for (let o = 0; o < order.length; o++) gathered[o] = rows[order[o]!]!;
  return gathered;
}

/**
 * Indexes `0…n−1` ordered by id, with a `DUPLICATE_ID` issue at `at(i)` for every row whose id an
 * earlier row already has (in row order; `message` names the id and that first row).
 */
export function orderUnique(
  ids: readonly string[],
  at: (i: number) => IssuePath,
  message: (id: string, first: number) => string,
  issues: IssueList,
): Int32Array {
  if (strictlyAscending(ids)) return identity(ids.length); // an export sorted by id: nothing to do
  const keys = new IdKeys(ids.length);
  for (let i = 0; i < ids.length; i++) keys.add(i, ids[i]);
  const order = keys.order();
  keys.duplicates((i, first) => {
    issues.add('DUPLICATE_ID', at(i), message(ids[i]!, first));
  });
  return order;
}

/** Ids longer than this are sorted by MSD radix instead of column by column. */
const LSD_MAX_LENGTH = 32;
/** Below this many ids a comparison sort beats building radix columns. */
const SMALL = 64;

/**
 * Collects the ids of a list as a caller reads its rows (`add(0, …)`, `add(1, …)`, … in order, so
 * each id is hashed while the string is in cache), then gives their order and their repeats. Ids
 * that ascend cost one comparison each: they are their own order and cannot repeat. An id given as
 * `undefined` (a row refused earlier) takes no part in the repeats.
 */
export class IdKeys {
  private readonly ids: (string | undefined)[];
  private readonly hashes: Int32Array;
  private ascending = true;
  private absent = false;
  /** Rows [0, hashed) have their hash: none while the ids ascend, since ascending ids cannot repeat. */
  private hashed = 0;
  private sorted: Int32Array | undefined;

  /** `hash` replaces FNV-1a only in tests, to force colliding hashes. */
  constructor(
    private readonly n: number,
    private readonly hash?: (id: string) => number,
  ) {
    this.ids = new Array<string | undefined>(n);
    this.hashes = new Int32Array(n);
  }

  /** Records id number `i` (call with i = 0, 1, 2, … in order). */
  add(i: number, id: string | undefined): void {
    this.ids[i] = id;
    if (id === undefined) this.absent = true;
    else {
      const previous = i > 0 ? this.ids[i - 1] : undefined;
      if (previous !== undefined && previous >= id) this.ascending = false;
    }
    // hashing starts (with the rows so far) when the ids stop ascending, while the strings are in cache
    if (!this.ascending || this.absent) this.hashUpTo(i + 1);
  }

  /** Hashes rows [hashed, end) with FNV-1a over their code units. */
  private hashUpTo(end: number): void {
    for (let i = this.hashed; i < end; i++) {
      const id = this.ids[i];
      if (id === undefined) continue;
      let hash = 0x811c9dc5 ^ id.length;
      for (let d = 0; d < id.length; d++) hash = Math.imul(hash ^ id.charCodeAt(d), 0x01000193);
      this.hashes[i] = this.hash === undefined ? hash : this.hash(id);
    }
    this.hashed = end;
  }

  /** Indexes ordered by id (code units; a missing id as ""), equal ids in input order. */
  order(): Int32Array {
    if (this.sorted !== undefined) return this.sorted;
    const order = identity(this.n);
    if (this.ascending && !this.absent) return (this.sorted = order);
    sortByIds(this.absent ? this.ids.map((id) => id ?? '') : (this.ids as string[]), order);
    return (this.sorted = order);
  }

  /**
   * Calls `found(row, first)` for every row whose id an earlier row already has, in row order,
   * with the first row that has it. Uses the order when it was asked for, else groups by hash;
   * ids that strictly ascend (none missing) have no repeats to look for.
   */
  duplicates(found: (row: number, first: number) => void): void {
    if (this.ascending && !this.absent) return;
    const pairs = this.sorted === undefined ? this.repeatsByHash() : this.repeatsInOrder(this.sorted);
    if (pairs.length > 1) pairs.sort((a, b) => a[0] - b[0]);
    for (const [row, first] of pairs) found(row, first);
  }

  private repeatsInOrder(order: Int32Array): [number, number][] {
    const { ids, hashes } = this;
    const pairs: [number, number][] = [];
    let first = -1;
    for (let o = 0; o < order.length; o++) {
      const i = order[o]!;
      if (ids[i] === undefined) continue;
      if (first !== -1 && hashes[i] === hashes[first] && ids[i] === ids[first]) pairs.push([i, first]);
      else first = i;
    }
    return pairs;
  }

  /**
   * Repeats without sorting by id: a stable two-pass radix sort of the rows by hash (each hash
   * moved with its row, so every pass reads sequentially), then only equal hashes compared.
   */
  private repeatsByHash(): [number, number][] {
    const { ids } = this;
    let rows = new Int32Array(this.n);
    let keys = new Int32Array(this.n);
    let count = 0;
    for (let i = 0; i < this.n; i++) {
      if (ids[i] === undefined) continue;
      rows[count] = i;
      keys[count++] = this.hashes[i]!;
    }
    let [otherRows, otherKeys] = [new Int32Array(count), new Int32Array(count)];
    const buckets = new Int32Array(65_537);
    for (let shift = 0; shift <= 16; shift += 16) {
      buckets.fill(0);
      for (let k = 0; k < count; k++) buckets[((keys[k]! >>> shift) & 0xffff) + 1]!++;
      for (let b = 1; b < 65_537; b++) buckets[b]! += buckets[b - 1]!;
      for (let k = 0; k < count; k++) {
        const at = buckets[(keys[k]! >>> shift) & 0xffff]!++;
        otherRows[at] = rows[k]!;
        otherKeys[at] = keys[k]!;
      }
      [rows, otherRows, keys, otherKeys] = [otherRows, rows, otherKeys, keys];
    }
    const pairs: [number, number][] = [];
    for (let start = 0, end = 1; start < count; start = end, end = start + 1) {
      while (end < count && keys[end] === keys[start]) end++;
      if (end - start > 1) repeatsAmong(ids, rows.subarray(start, end), pairs);
    }
    return pairs;
  }
}

/**
 * The repeats among `rows` (ascending, all one hash), each with its first row: pairwise for a few
 * rows (the usual case: a true repeat), through a map for many (colliding hashes).
 */
function repeatsAmong(ids: readonly (string | undefined)[], rows: Int32Array, pairs: [number, number][]): void {
  if (rows.length <= 8) {
    for (let j = 1; j < rows.length; j++) {
      const k = rows.subarray(0, j).findIndex((row) => ids[row] === ids[rows[j]!]);
      if (k !== -1) pairs.push([rows[j]!, rows[k]!]);
    }
    return;
  }
  const first = new Map<string | undefined, number>();
  for (const row of rows) {
    const at = first.get(ids[row]);
    if (at === undefined) first.set(ids[row], row);
    else pairs.push([row, at]);
  }
}

/** Sorts `order[lo…hi)` by id with a comparison sort, equal ids in input order. */
function compareSort(order: Int32Array, lo: number, hi: number, ids: readonly string[]): void {
  const part = Array.from(order.subarray(lo, hi)).sort((a, b) => compareIds(ids[a]!, ids[b]!) || a - b);
  order.set(part, lo);
}

/**
 * The ids as columns of code units + 1 (0: the id has ended), for {@link lsdSort}; `undefined` when
 * an id is longer than {@link LSD_MAX_LENGTH} or holds U+FFFF (the MSD sort takes those).
 */
function codeUnitColumns(ids: readonly string[]): Uint16Array[] | undefined {
  let length = 0;
  for (const id of ids) if (id.length > length) length = id.length;
  if (length > LSD_MAX_LENGTH) return undefined;
  const columns = Array.from({ length }, () => new Uint16Array(ids.length));
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    for (let d = 0; d < id.length; d++) {
      const code = id.charCodeAt(d);
      if (code === 0xffff) return undefined;
      columns[d]![i] = code + 1;
    }
  }
  return columns;
}

/**
 * Stable LSD radix sort of `order` by ids given as columns of code units + 1 (0 marks "the id
 * has ended", so a prefix sorts before its extensions), one counting pass per column from the last
 * to the first; columns where every id has the same unit are skipped.
 */
function lsdSort(columns: readonly Uint16Array[], order: Int32Array): void {
  const n = order.length;
  let from: Int32Array = order;
  let to: Int32Array = new Int32Array(n);
  for (let d = columns.length - 1; d >= 0; d--) {
    const column = columns[d]!;
    let min = 0x10000;
    let max = -1;
    for (let i = 0; i < n; i++) {
      const key = column[i]!;
      if (key < min) min = key;
      if (key > max) max = key;
    }
    if (min === max) continue;
    const counts = new Int32Array(max - min + 2);
    for (let i = 0; i < n; i++) counts[column[i]! - min + 1]!++;
    for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
    for (let a = 0; a < n; a++) {
      const index = from[a]!;
      to[counts[column[index]! - min]!++] = index;
    }
    [from, to] = [to, from];
  }
  if (from !== order) order.set(from);
}

/** MSD radix sort of `order` by ids of any length; small or wide buckets by comparison. */
function msdSort(ids: readonly string[], order: Int32Array): void {
  const scratch = new Int32Array(ids.length);
  const keys = new Int32Array(ids.length);
  const stack: number[] = [0, ids.length, 0]; // ranges [lo, hi) still to sort at character `depth`
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= 48) {
      if (hi - lo > 1) compareSort(order, lo, hi, ids);
      continue;
    }
    let min = 65_537;
    let max = -1;
    for (let a = lo; a < hi; a++) {
      const id = ids[order[a]!]!;
      const key = depth < id.length ? id.charCodeAt(depth) + 1 : 0; // 0: the id has ended
      keys[a] = key;
      if (key < min) min = key;
      if (key > max) max = key;
    }
    if (min === max) {
      if (max !== 0) stack.push(lo, hi, depth + 1);
      continue;
    }
    const width = max - min + 1;
    if (width > 4 * (hi - lo) + 256) {
      compareSort(order, lo, hi, ids);
      continue;
    }
    const counts = new Int32Array(width + 1);
    for (let a = lo; a < hi; a++) counts[keys[a]! - min + 1]!++;
    for (let k = 1; k <= width; k++) counts[k]! += counts[k - 1]!;
    for (let a = lo; a < hi; a++) scratch[lo + counts[keys[a]! - min]!++] = order[a]!;
    order.set(scratch.subarray(lo, hi), lo);
    for (let k = 0, start = 0; k < width; start = counts[k]!, k++)
      if (counts[k]! - start > 1 && k + min !== 0) stack.push(lo + start, lo + counts[k]!, depth + 1);
  }
}
