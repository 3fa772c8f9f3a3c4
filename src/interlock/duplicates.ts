/** FNV-1a over a string's UTF-16 code units (32-bit). */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) hash = Math.imul(hash ^ id.charCodeAt(k), 0x01000193);
  return hash;
}

/**
 * Finds repeated ids among up to millions of rows faster than a `Set<string>` (which spends
 * seconds growing and rehashing at 1M entries): an open-addressing table of row indexes sized
 * once. `hashes[i]` must be {@link idHash} of `ids[i]` — computed by the caller while the string
 * is in cache — so probing compares integers and touches a string only on a full hash match.
 * Returns `[row, firstRow]` for every row whose id an earlier row already used; `undefined` ids
 * (rows refused earlier) are skipped.
 */
export function findDuplicateIds(ids: readonly (string | undefined)[], hashes: Int32Array): [row: number, first: number][] {
  const n = ids.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const repeats: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (id === undefined) continue;
    const hash = hashes[i] as number;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const at = slots[slot] as number;
      if (at === -1) {
        slots[slot] = i;
        break;
      }
      if (hashes[at] === hash && ids[at] === id) {
        repeats.push([i, at]);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return repeats;
}
