/**
 * The fast row reader: a first pass over millions of rows derived from each row's schema, so a
 * row's shape is written once (its schema) and never again in a hand validator. The pass only
 * answers "certainly valid as given"; a row it doubts goes through the full schema, which reports
 * every issue at the row's path. Held to the schema by a property (test/core/rows.prop.test.ts):
 * whenever the fast check passes, the schema accepts the row and returns it unchanged.
 */
import * as z from 'zod/mini';
import { IssueList, SynergyPayError, type Issue, type IssuePath } from './errors.js';
import { fastChecks } from './schema.js';
import { parseInput } from './validate.js';

type Check = (value: unknown) => boolean;
type Def = {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
} & Record<string, unknown>;
type CheckDef = {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly format?: string;
};

const compiled = /* @__PURE__ */ new WeakMap<object, Check | null>();
/** The checks compiled with replaced leaves, per replacement map. */
const compiledWith = /* @__PURE__ */ new WeakMap<LeafChecks, WeakMap<object, Check | null>>();

/** An object literal, or an object without a prototype (`Object.create(null)`): zod reads both alike. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A check of the length and bound checks zod keeps in `def.checks`, or `undefined` for any other. */
function boundsCheck(def: Def, measure: (value: never) => number): Check | undefined | null {
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  if (checks.length === 0) return null;
  const tests: ((n: number) => boolean)[] = [];
  for (const check of checks) {
    const bound = check.minimum ?? check.maximum ?? check.value ?? 0;
    if (check.check === 'min_length') tests.push((n) => n >= bound);
    else if (check.check === 'max_length') tests.push((n) => n <= bound);
    else if (check.check === 'greater_than')
      tests.push(check.inclusive === true ? (n) => n >= bound : (n) => n > bound);
    else if (check.check === 'less_than') tests.push(check.inclusive === true ? (n) => n <= bound : (n) => n < bound);
    else if (check.check === 'number_format' && check.format === 'safeint') tests.push(Number.isSafeInteger);
    else return undefined;
  }
  const [first, second] = tests;
  if (tests.length === 1 && first !== undefined) return (value) => first(measure(value as never));
  if (tests.length === 2 && first !== undefined && second !== undefined)
    return (value) => {
      const n = measure(value as never);
      return first(n) && second(n);
    };
  return (value) => {
    const n = measure(value as never);
    return tests.every((test) => test(n));
  };
}

/** Combines a type test with the bound checks of `def`. */
function withBounds(def: Def, is: Check, measure: (value: never) => number): Check | undefined {
  const bounds = boundsCheck(def, measure);
  if (bounds === undefined) return undefined;
  return bounds === null ? is : (value) => is(value) && bounds(value);
}

function objectCheck(def: Def, leaves: LeafChecks | undefined): Check | undefined {
  const catchall = (def['catchall'] as { _zod: { def: Def } } | undefined)?._zod.def.type;
  const loose = catchall === 'unknown'; // z.looseObject: other keys pass through as they are
  if ((catchall !== 'never' && !loose) || (def.checks?.length ?? 0) > 0) return undefined; // strict or loose only
  const shape = def['shape'] as Record<string, z.ZodMiniType>;
  const index = new Map<string, number>();
  const fields: Check[] = [];
  const needed: boolean[] = []; // keys the row must have (their check refuses `undefined`)
  for (const key of Object.keys(shape)) {
    const field = compileCheck(shape[key]!, leaves);
    if (field === undefined) return undefined;
    index.set(key, fields.length);
    fields.push(field);
    needed.push(!field(undefined));
  }
  if (loose) return looseObjectCheck([...index.keys()], fields);
  if (allowsEval()) return generatedObjectCheck([...index.keys()], fields);
  const required = needed.filter(Boolean).length;
  // One pass over the row's own keys (a keyed load inside for-in is V8's fast path), so a row of
  // two fields pays for two, not for every field of the shape. Rows of a list mostly list their
  // keys in one order: the index found at each position is remembered and tried first.
  const keyAt: string[] = [];
  const indexAt: number[] = [];
  return (value) => {
    if (!isPlainObject(value)) return false;
    let present = 0;
    let position = 0;
    for (const key in value) {
      const k = keyAt[position] === key ? indexAt[position] : index.get(key);
      if (k === undefined) return false;
      if (keyAt[position] !== key) {
        keyAt[position] = key;
        indexAt[position] = k;
      }
      position++;
      if (!fields[k]!(value[key])) return false;
      if (needed[k]) present++;
    }
    return present === required;
  };
}

/** A loose object's check: its declared fields only (zod passes the other keys through unchecked). */
function looseObjectCheck(keys: readonly string[], fields: readonly Check[]): Check {
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (let k = 0; k < keys.length; k++) if (!fields[k]!(value[keys[k]!])) return false;
    return true;
  };
}

let evalAllowed: boolean | undefined;

/**
 * Whether the runtime lets code build functions (a content security policy or an edge runtime may
 * not). Tested once, on first use; reading zod's own flag would pull all of zod's core into a
 * bundle that imports one function.
 */
function allowsEval(): boolean {
  if (evalAllowed === undefined)
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the probe builds an empty function
      evalAllowed = typeof new Function('') === 'function';
    } catch {
      evalAllowed = false;
    }
  return evalAllowed;
}

/**
 * The same object check as straight-line code, built once per schema where the runtime allows
 * `new Function` (zod's object parser does the same, and `z.config({ jitless: true })` turns both
 * off): constant property names and one call site per field let the engine inline the field
 * checks, three to four times faster over a million rows than the loop above.
 */
function generatedObjectCheck(keys: readonly string[], fields: readonly Check[]): Check {
  const names = keys.map((key) => JSON.stringify(key));
  const cases = names.length === 0 ? '' : `${names.map((name) => `case ${name}:`).join(' ')} break;`;
  const body = `return function objectCheck(value) {
    if (typeof value !== 'object' || value === null) return false;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key in value) switch (key) { ${cases} default: return false; }
    return ${names.map((name, k) => `field${k}(value[${name}])`).join(' && ') || 'true'};
  }`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code is built from the schema's own keys
  const build = new Function(...fields.map((_, k) => `field${k}`), body) as (...checks: Check[]) => Check;
  return build(...fields);
}

/**
 * A union accepts a value unchanged when one of its options does: a compiled option never
 * transforms, so whichever option zod picks returns the value as given. Exclusive unions
 * (`z.xor`, which refuse a value two options accept) and checks on the union are not judged.
 */
function unionCheck(def: Def, leaves: LeafChecks | undefined): Check | undefined {
  if (def['inclusive'] === false || (def.checks?.length ?? 0) > 0) return undefined;
  const options: Check[] = [];
  for (const option of def['options'] as z.ZodMiniType[]) {
    const check = compileCheck(option, leaves);
    if (check === undefined) return undefined;
    options.push(check);
  }
  const [first, second] = options;
  if (options.length === 2 && first !== undefined && second !== undefined)
    return (value) => first(value) || second(value);
  return (value) => options.some((check) => check(value));
}

function containerCheck(def: Def, leaves: LeafChecks | undefined): Check | undefined {
  if (def.type === 'array') {
    const element = compileCheck(def['element'] as z.ZodMiniType, leaves);
    if (element === undefined) return undefined;
    const is = (value: unknown) => {
      if (!Array.isArray(value)) return false;
      for (const item of value) if (!element(item)) return false;
      return true;
    };
    return withBounds(def, is, (value: unknown[]) => value.length);
  }
  const keyType = def['keyType'] as z.ZodMiniType;
  const valueCheck = compileCheck(def['valueType'] as z.ZodMiniType, leaves);
  // Keys are strings: a string key schema's own check (a registered leaf such as the id's) judges them.
  const keyCheck = (keyType._zod.def as unknown as Def).type === 'string' ? compileCheck(keyType, leaves) : undefined;
  if (valueCheck === undefined || keyCheck === undefined || (def.checks?.length ?? 0) > 0) return undefined;
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (const key in value) if (key === '__proto__' || !keyCheck(key) || !valueCheck(value[key])) return false;
    return true;
  };
}

function compileDef(def: Def, leaves: LeafChecks | undefined): Check | undefined {
  switch (def.type) {
    case 'string':
      return withBounds(
        def,
        (value) => typeof value === 'string',
        (value: string) => value.length,
      );
    case 'number': {
      const format = def['format']; // z.int() is a number with the "safeint" format
      if (format !== undefined && format !== 'safeint') return undefined;
      const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
      return withBounds(def, format === 'safeint' ? Number.isSafeInteger : finite, (value: number) => value);
    }
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'unknown':
      return () => true;
    case 'enum':
    case 'literal': {
      const values = new Set<unknown>(
        def.type === 'enum' ? Object.values(def['entries'] as object) : (def['values'] as unknown[]),
      );
      return (def.checks?.length ?? 0) > 0 ? undefined : (value) => values.has(value);
    }
    case 'optional':
    case 'nullable': {
      const inner = compileCheck(def['innerType'] as z.ZodMiniType, leaves);
      if (inner === undefined || (def.checks?.length ?? 0) > 0) return undefined;
      const empty = def.type === 'optional' ? undefined : null;
      return (value) => value === empty || inner(value);
    }
    case 'union':
      return unionCheck(def, leaves);
    case 'object':
      return objectCheck(def, leaves);
    case 'array':
    case 'record':
      return containerCheck(def, leaves);
    default:
      return undefined;
  }
}

/**
 * Leaf schemas whose check a caller takes over, each with the test that replaces it (e.g. instants
 * only tested for being strings, by a caller that reads every instant anyway).
 */
export type LeafChecks = ReadonlyMap<z.ZodMiniType, Check>;

/**
 * The fast check of a schema: a predicate that is true only for values the schema accepts and
 * returns unchanged, or `undefined` when the schema holds something it cannot judge (a refinement
 * not registered in `fastChecks`, a transform, a loose object), and every row takes the full parse.
 *
 * With `leaves`, each listed leaf is judged by its replacement test instead, and the check is true
 * only when the schema accepts the value or one of those leaves is bad: the caller reads those
 * leaves itself and sends a row with one it cannot read to the full schema. So a million rows'
 * instants are parsed once, by the caller, not twice. Cached per `leaves` map.
 */
export function compileCheck(schema: z.ZodMiniType, leaves?: LeafChecks): Check | undefined {
  const known = leaves?.get(schema) ?? fastChecks.get(schema);
  if (known !== undefined) return known;
  let cache = compiled;
  if (leaves !== undefined) compiledWith.set(leaves, (cache = compiledWith.get(leaves) ?? new WeakMap()));
  let check = cache.get(schema);
  if (check === undefined) {
    cache.set(schema, null); // a schema that contains itself gets no fast path
    check = compileDef(schema._zod.def as unknown as Def, leaves) ?? null;
    cache.set(schema, check);
  }
  return check ?? undefined;
}

const headers = /* @__PURE__ */ new WeakMap<object, { header: z.ZodMiniType; check: Check | undefined }>();

/**
 * Parses an input whose list `key` may hold millions of rows: the input without that list through
 * the schema, each row through the fast check of its row schema. When anything is doubted the
 * whole input goes through the full schema, which throws every issue at its path in the schema's
 * order (or returns the input when the schema accepts what the fast check doubted).
 */
export function parseWithRows<T>(schema: z.ZodMiniType<T>, input: unknown, key: string): T {
  let gate = headers.get(schema);
  if (gate === undefined) {
    const object = schema as unknown as z.ZodMiniObject;
    const rows = object._zod.def.shape[key] as z.ZodMiniArray;
    const header = z.extend(object, { [key]: z.custom((value) => Array.isArray(value)) });
    gate = { header, check: compileCheck(rows._zod.def.element as z.ZodMiniType) };
    headers.set(schema, gate);
  }
  const check = gate.check;
  if (check !== undefined && gate.header.safeParse(input).success) {
    const rows = (input as Record<string, unknown[]>)[key]!;
    let valid = true;
    for (let i = 0; i < rows.length && valid; i++) valid = check(rows[i]);
    if (valid) return input as T;
  }
  return parseInput(schema, input);
}

/**
 * Validates the rows of a list: the fast check first, the full schema for each row it doubts.
 * Issues go to `issues` at `[...path, i, …]`; a refused row is `undefined` in the result, so the
 * caller can go on and report every problem at once. When the fast check passes every row, the
 * result is `rows` itself: a million valid rows are read without a copy.
 */
export function readRows<T>(
  schema: z.ZodMiniType<T>,
  rows: readonly unknown[],
  path: IssuePath,
  issues: IssueList,
): (T | undefined)[] {
  const check = compileCheck(schema);
  let out: (T | undefined)[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (check?.(row) === true) {
      if (out !== undefined) out[i] = row as T;
      continue;
    }
    out ??= rows.slice(0, i) as T[];
    try {
      out[i] = parseInput(schema, row);
    } catch (error) {
      out[i] = undefined;
      for (const issue of issuesOf(error)) issues.add(issue.code, [...path, i, ...issue.path], issue.message);
    }
  }
  return out ?? (rows as T[]);
}

function issuesOf(error: unknown): readonly Issue[] {
  if (error instanceof SynergyPayError) return error.issues;
  throw error;
}

/**
 * Refuses an own `__proto__` key in a record field of raw input (e.g. from `JSON.parse`). zod's
 * `z.record` drops such a key silently, which would lose a row; the library refuses it instead.
 * `fields` lists how to reach each record field: a path of keys where `'*'` means "every element
 * of this array". Returns the issues found (none for well-formed input).
 */
export function refuseProtoKeys(input: unknown, fields: readonly (readonly string[])[]): IssueList {
  const issues = new IssueList();
  const visit = (value: unknown, rest: readonly string[], path: (string | number)[]): void => {
    if (value === null || typeof value !== 'object') return;
    if (rest.length === 0) {
      if (!Array.isArray(value) && Object.hasOwn(value, '__proto__'))
        issues.add('INVALID_INPUT', [...path, '__proto__'], '"__proto__" cannot be used as a key');
      return;
    }
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '*') {
      if (Array.isArray(value))
        value.forEach((item, i) => {
          visit(item, tail, [...path, i]);
        });
      return;
    }
    if (Object.hasOwn(value, head)) visit((value as Record<string, unknown>)[head], tail, [...path, head]);
  };
  for (const field of fields) visit(input, field, []);
  return issues;
}
