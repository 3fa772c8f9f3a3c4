/**
 * The bad-input corpus: one JSON file per malformed input under `test/corpus/cases/`, each
 * `{ "description", "target", "input", "expect": { "code", "path"? } }` where `target` names a
 * public function. JSON cannot hold everything a hostile caller can send, so inputs may use
 * macros, expanded before the call:
 * - `{ "$number": "NaN" | "Infinity" | "-Infinity" | "2^53" | "-0" }` — special numbers;
 * - `{ "$repeat": ["1", 10000000] }` — a long string (10 MB here);
 * - `{ "$nest": [depth, leaf] }` — `leaf` wrapped in `depth` levels of `{ "a": … }`;
 * - `{ "$json": "…" }` — a value parsed from JSON text, e.g. objects with an own `__proto__` key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusCase {
  readonly file: string;
  readonly description: string;
  readonly target: string;
  readonly input: unknown;
  readonly expect: { readonly code: string; readonly path?: readonly (string | number)[] };
}

const casesDir = join(import.meta.dirname, 'cases');

function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const [key] = keys;
    const arg = record[key as string];
    if (key === '$number') {
      const special: Record<string, number> = {
        NaN: Number.NaN,
        Infinity: Infinity,
        '-Infinity': -Infinity,
        '2^53': 2 ** 53,
        '-0': -0,
      };
      if (typeof arg === 'string' && arg in special) return special[arg];
    }
    if (key === '$repeat' && Array.isArray(arg)) return String(arg[0]).repeat(Number(arg[1]));
    if (key === '$nest' && Array.isArray(arg)) {
      let nested: unknown = expand(arg[1]);
      for (let i = 0; i < Number(arg[0]); i++) nested = { a: nested };
      return nested;
    }
    if (key === '$json' && typeof arg === 'string') return JSON.parse(arg);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = expand(record[key]);
  return out;
}

export function loadCorpus(): CorpusCase[] {
  return readdirSync(casesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as Omit<CorpusCase, 'file'>;
      return { ...raw, file, input: expand(raw.input) };
    });
}
