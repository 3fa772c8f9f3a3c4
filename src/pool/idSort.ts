/**
 * Indexes `0…n−1` ordered by id in code-unit order, equal ids in input order — the same order as
 * the core's `idOrder`, computed by a most-significant-digit radix sort on UTF-16 code units
 * instead of a comparison sort: a million shuffled ids sort several times faster because shared
 * prefixes ("fl000…") are read once per level rather than once per comparison. Small or
 * wide-alphabet buckets fall back to a comparison sort. Skips all work when ids already ascend.
 */
export function sortedIdOrder(ids: readonly string[]): Int32Array {
  const n = ids.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && (ids[i - 1] as string) >= (ids[i] as string)) sorted = false;
  }
  if (sorted) return order;

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
  return order;
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
