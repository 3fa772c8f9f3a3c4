/**
 * Finds repeated ids among up to millions of rows faster than a `Set<string>` (which spends
 * seconds growing and rehashing at 1M entries): an open-addressing table of row indexes sized
 * once, with an FNV-1a hash over the id's code units. Returns `[row, firstRow]` pairs for every
 * row whose id an earlier row already used; `undefined` ids (rows refused earlier) are skipped.
 */
export function findDuplicateIds(ids: readonly (string | undefined)[]): [row: number, first: number][] {
  const n = ids.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const repeats: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (id === undefined) continue;
    let hash = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) hash = Math.imul(hash ^ id.charCodeAt(k), 0x01000193);
    let slot = hash & mask;
    for (;;) {
      const at = slots[slot] as number;
      if (at === -1) {
        slots[slot] = i;
        break;
      }
      if (ids[at] === id) {
        repeats.push([i, at]);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return repeats;
}
