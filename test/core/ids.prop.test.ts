import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueList } from '../../src/core/errors.js';
import { compareIds, IdKeys, orderIds, orderUnique } from '../../src/core/ids.js';
import { runs } from '../helpers.js';

/** The slow twin of the radix order: a comparison sort, equal ids in input order. */
const comparisonOrder = (ids: readonly string[]): number[] =>
  ids.map((_, i) => i).sort((a, b) => compareIds(ids[a]!, ids[b]!) || a - b);

/** Every repeat with its first row, through IdKeys (by hash, or by order when `ordered`). */
function repeatsOf(
  ids: readonly (string | undefined)[],
  hash?: (id: string) => number,
  ordered = false,
): [number, number][] {
  const keys = new IdKeys(ids.length, hash);
  ids.forEach((id, i) => {
    keys.add(i, id);
  });
  if (ordered) keys.order();
  const pairs: [number, number][] = [];
  keys.duplicates((row, first) => pairs.push([row, first]));
  return pairs;
}

describe('id order and duplicates (core/ids.ts) agree with their slow twins', () => {
  it('orderIds (radix) = the comparison order, equal ids in input order', () => {
    const idArb = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.integer({ min: 0, max: 999 }).map((i) => `fl${String(i).padStart(4, '0')}`),
    );
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 300 }), (ids) => {
        expect(Array.from(orderIds(ids))).toEqual(comparisonOrder(ids));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('orderIds = the comparison order for ids longer than 32 units (the MSD path) and mixed lengths', () => {
    const longArb = fc.oneof(
      fc
        .tuple(fc.constantFrom('x'.repeat(31), 'y'.repeat(33)), fc.string({ maxLength: 3 }))
        .map(([prefix, tail]) => prefix + tail),
      fc.string({ maxLength: 2 }),
      fc.integer({ min: 0, max: 99 }).map((i) => `${'z'.repeat(40)}${i}`),
    );
    fc.assert(
      fc.property(fc.array(longArb, { minLength: 40, maxLength: 300 }), (ids) => {
        expect(Array.from(orderIds(ids))).toEqual(comparisonOrder(ids));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('IdKeys.duplicates reports every repeat of an id once, and nothing else', () => {
    const idArb = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
      fc.constant('x'.repeat(40)),
      fc.constant('\uffff'),
    );
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 200 }), (ids) => {
        const keys = new IdKeys(ids.length);
        ids.forEach((id, i) => {
          keys.add(i, id);
        });
        const repeats: number[] = [];
        keys.order();
        keys.duplicates((i, previous) => {
          expect(ids[previous]).toBe(ids[i]);
          repeats.push(i);
        });
        const seen = new Set<string>();
        const expected = ids.flatMap((id, i) => (seen.has(id) ? [i] : (seen.add(id), [])));
        expect(repeats.sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('the duplicate finder finds exactly the repeats a Set finds, each with its first row, in row order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ maxLength: 3 }), { nil: undefined, freq: 8 }), { maxLength: 200 }),
        (ids) => {
          const expected: [number, number][] = [];
          const first = new Map<string, number>();
          ids.forEach((id, i) => {
            if (id === undefined) return;
            const at = first.get(id);
            if (at === undefined) first.set(id, i);
            else expected.push([i, at]);
          });
          expect(repeatsOf(ids)).toEqual(expected);
          // Any hash that equal ids share works; a coarse one forces distinct ids into one run
          // (pairwise below 9 rows, a map above), and negative hashes test the unsigned sort.
          expect(repeatsOf(ids, (id) => (id.length % 3) - 1)).toEqual(expected);
          // Once the order is known, the repeats come from neighbours in it: the same pairs.
          expect(repeatsOf(ids, undefined, true)).toEqual(expected);
          // Keys read row by row, as the mechanisms read them, find the same pairs and the order.
          const lean = new IdKeys(ids.length);
          ids.forEach((id, i) => {
            lean.add(i, id);
          });
          const pairs: [number, number][] = [];
          lean.duplicates((row, first) => pairs.push([row, first]));
          expect(pairs).toEqual(expected);
          expect(Array.from(lean.order())).toEqual(comparisonOrder(ids.map((id) => id ?? '')));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('ids that ascend for a while and then stop (or have holes) give the order and repeats of their slow twins', () => {
    // Ascending ids are neither hashed nor sorted; the work starts, with the rows so far, at the first id out of order.
    const sortedIds = fc
      .uniqueArray(fc.oneof(fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })), {
        maxLength: 150,
      })
      .map((ids) => [...ids].sort(compareIds));
    fc.assert(
      fc.property(
        sortedIds,
        fc.nat(),
        fc.nat(),
        fc.constantFrom('ascending', 'repeat', 'swap', 'hole'),
        (ids, a, b, change) => {
          const rows: (string | undefined)[] = ids.slice();
          const at = rows.length === 0 ? 0 : a % rows.length;
          const other = rows.length === 0 ? 0 : b % rows.length;
          if (change === 'repeat' && rows.length > 0)
            rows.splice(Math.max(at, other) + 1, 0, rows[Math.min(at, other)]);
          if (change === 'swap' && rows.length > 1) [rows[at], rows[other]] = [rows[other], rows[at]];
          if (change === 'hole' && rows.length > 0) rows[at] = undefined;
          const expected: [number, number][] = [];
          const first = new Map<string, number>();
          rows.forEach((id, i) => {
            if (id === undefined) return;
            const seen = first.get(id);
            if (seen === undefined) first.set(id, i);
            else expected.push([i, seen]);
          });
          expect(repeatsOf(rows)).toEqual(expected);
          expect(repeatsOf(rows, undefined, true)).toEqual(expected);
          expect(Array.from(orderIds(rows.map((id) => id ?? '')))).toEqual(comparisonOrder(rows.map((id) => id ?? '')));
          const keys = new IdKeys(rows.length);
          rows.forEach((id, i) => {
            keys.add(i, id);
          });
          expect(Array.from(keys.order())).toEqual(comparisonOrder(rows.map((id) => id ?? '')));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it('orderUnique: the order, and one DUPLICATE_ID issue per repeat naming its first row, in row order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 2 }), { maxLength: 100 }), (ids) => {
        const issues = new IssueList();
        const order = orderUnique(
          ids,
          (i) => ['rows', i],
          (id, first) => `${id}@${first}`,
          issues,
        );
        expect(Array.from(order)).toEqual(comparisonOrder(ids));
        const expected = ids.flatMap((id, i) =>
          ids.indexOf(id) < i ? [[['rows', i], `${id}@${ids.indexOf(id)}`]] : [],
        );
        expect(issues.items.map((issue) => [issue.path, issue.message])).toEqual(expected);
        expect(issues.items.every((issue) => issue.code === 'DUPLICATE_ID')).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
});
