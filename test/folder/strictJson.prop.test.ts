/**
 * The strict JSON reader's fast duplicate-key pass is held to a slow twin: for JSON texts with
 * and without repeated keys (written plainly or with escapes, with any whitespace), it refuses
 * exactly the texts an oracle finds a repeat in, at the oracle's path, and otherwise returns what
 * `JSON.parse` returns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SynergyPayError } from '../../src/index.js';
import { parseJsonBytes } from '../../src/folder/index.js';
import { lineAndColumn, parseJsonText } from '../../src/folder/strictJson.js';

/** A JSON value whose objects are entry lists, so that a key may repeat. */
type Tree = null | boolean | number | string | Tree[] | { entries: [string, Tree][] };

const keyArb = fc.constantFrom('a', 'b', 'id', 'amount', 'é', '"q"', 'a\\b', '');
const leafArb: fc.Arbitrary<Tree> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom('x', '2026-04-01T09:00:00+08:00', 'say "hi"', 'a\\', '张三', '{"k": 1}', ','),
);
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.record({ entries: fc.array(fc.tuple(keyArb, tie('tree')), { maxLength: 5 }) }),
  ),
}));

/** The path of the first repeated key in document order, or undefined. */
function firstRepeat(value: Tree, path: (string | number)[] = []): (string | number)[] | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstRepeat(item, [...path, i]);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    const seen = new Set<string>();
    for (const [key, item] of value.entries) {
      if (seen.has(key)) return [...path, key];
      seen.add(key);
      const found = firstRepeat(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The tree as JSON text: whitespace from `spaces`, keys sometimes written with \u escapes. */
function write(value: Tree, spaces: string, escape: boolean): string {
  if (Array.isArray(value)) return `[${spaces}${value.map((item) => write(item, spaces, escape)).join(`,${spaces}`)}]`;
  if (value !== null && typeof value === 'object') {
    const key = (text: string) =>
      escape && text.length > 0
        ? `"${Array.from({ length: text.length }, (_, i) => `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`
        : JSON.stringify(text);
    const members = value.entries.map(([k, item]) => `${key(k)}${spaces}:${spaces}${write(item, spaces, escape)}`);
    return `{${spaces}${members.join(`${spaces},${spaces}`)}${spaces}}`;
  }
  return JSON.stringify(value);
}

describe('strict JSON: duplicate keys', () => {
  it('refuses exactly the texts with a repeated key, at the path of the first repeat', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('', ' ', '\n  ', '\r\n\t'), fc.boolean(), (value, spaces, escape) => {
        const text = write(value, spaces, escape);
        const repeat = firstRepeat(value);
        let caught: unknown;
        let parsed: unknown;
        try {
          parsed = parseJsonText(text);
        } catch (error) {
          caught = error;
        }
        if (repeat === undefined) {
          expect(caught).toBeUndefined();
          expect(parsed).toEqual(JSON.parse(text));
        } else {
          expect(caught).toBeInstanceOf(SynergyPayError);
          const [issue] = (caught as SynergyPayError).issues;
          expect(issue!.path).toEqual(repeat);
          expect(issue!.message).toMatch(/^duplicate key ".*" \(line \d+, column \d+\)$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the line and column of the second key', () => {
    const text = '{\n  "a": 1,\n  "b": {"c": 2,\n        "c": 3}\n}';
    expect(() => parseJsonText(text)).toThrow('duplicate key "c" (line 4, column 9)');
    expect(lineAndColumn(text, text.lastIndexOf('"c"'))).toEqual({ line: 4, column: 9 });
  });

  it('reads the bytes of valid JSON as JSON.parse does, byte-order mark or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, bom) => {
        const text = JSON.stringify(value, null, 1);
        const bytes = new TextEncoder().encode(`${bom ? '\ufeff' : ''}${text}`);
        expect(parseJsonBytes(bytes)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
});
