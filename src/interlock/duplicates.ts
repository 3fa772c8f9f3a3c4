/** FNV-1a over a string's UTF-16 code units (32-bit). */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) hash = Math.imul(hash ^ id.charCodeAt(k), 0x01000193);
  return hash;
}

/** Runs of one hash longer than this use a map instead of pairwise comparison. */
const PAIRWISE_LIMIT = 8;

/**
 * Finds repeated ids among up to millions of rows faster than a `Set<string>` (which spends
 * seconds growing and rehashing at 1M entries) or a hash table (random access all over a large
 * table): the rows are sorted by `hashes[i]` — {@link idHash} of `ids[i]`, computed by the
 * caller while the string is in cache — with a stable two-pass radix sort over sequential
 * arrays, and only rows sharing a hash have their ids compared.
 * Returns `[row, firstRow]` for every row whose id an earlier row already used, in row order;
 * `undefined` ids (rows refused earlier) are skipped.
 */
export function findDuplicateIds(
  ids: readonly (string | undefined)[],
  hashes: Int32Array,
): [row: number, first: number][] {
  const n = ids.length;
  let rows = new Int32Array(n);
  let keys = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (ids[i] === undefined) continue;
    rows[count] = i;
    keys[count++] = hashes[i] as number;
  }
  let otherRows = new Int32Array(count);
  let otherKeys = new Int32Array(count);
  const buckets = new Int32Array(65_537);
  for (let shift = 0; shift <= 16; shift += 16) {
    buckets.fill(0);
    for (let k = 0; k < count; k++) {
      const slot = (((keys[k] as number) >>> shift) & 0xffff) + 1;
      buckets[slot] = (buckets[slot] as number) + 1;
    }
    for (let b = 1; b < 65_537; b++) buckets[b] = (buckets[b] as number) + (buckets[b - 1] as number);
    for (let k = 0; k < count; k++) {
      const digit = ((keys[k] as number) >>> shift) & 0xffff;
      const at = buckets[digit] as number;
      buckets[digit] = at + 1;
      otherRows[at] = rows[k] as number;
      otherKeys[at] = keys[k] as number;
    }
    [rows, otherRows] = [otherRows, rows];
    [keys, otherKeys] = [otherKeys, keys];
  }

  const repeats: [number, number][] = [];
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && keys[end] === keys[start]) end++;
    if (end - start > 1) collectRepeats(ids, rows, start, end, repeats);
    start = end;
  }
  if (repeats.length > 1) repeats.sort((a, b) => a[0] - b[0]);
  return repeats;
}

/** Repeats among `rows[start…end)`, which share a hash and ascend by row (the sort is stable). */
function collectRepeats(
  ids: readonly (string | undefined)[],
  rows: Int32Array,
  start: number,
  end: number,
  repeats: [number, number][],
): void {
  if (end - start <= PAIRWISE_LIMIT) {
    for (let j = start + 1; j < end; j++) {
      const id = ids[rows[j] as number];
      for (let k = start; k < j; k++) {
        if (ids[rows[k] as number] === id) {
          repeats.push([rows[j] as number, rows[k] as number]);
          break;
        }
      }
    }
    return;
  }
  const first = new Map<string, number>();
  for (let j = start; j < end; j++) {
    const row = rows[j] as number;
    const id = ids[row] as string;
    const at = first.get(id);
    if (at === undefined) first.set(id, row);
    else repeats.push([row, at]);
  }
}
