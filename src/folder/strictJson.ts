/**
 * Strict reading of JSON files: the bytes must be UTF-8 (a byte-order mark is skipped), the text
 * must be JSON with no duplicate keys. Every refusal says what is wrong and where: a byte offset
 * for bad UTF-8, a line and column for a syntax error, the JSON path of the second key of a pair.
 */
import { isUtf8 } from 'node:buffer';
import { SynergyPayError, type IssuePath } from '../index.js';

/** Objects and arrays nested deeper than this are refused (no scenario comes near it). */
export const MAX_JSON_DEPTH = 1000;

/** A JSON problem: at a character offset of the text, or (duplicate keys) at a JSON path. */
class JsonProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly path: IssuePath = [],
  ) {
    super(message);
  }
}

/** Throws the library's error for a file that is not what it should be. */
function refuse(message: string, path: IssuePath = []): never {
  throw new SynergyPayError([{ code: 'INVALID_INPUT', path, message }]);
}

/** The 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first byte that is not part of well-formed UTF-8 (there is one: the caller checked). */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : 4;
    if (length === 4 && (lead < 0xf0 || lead > 0xf4)) return at;
    // The second byte's range depends on the lead (no overlong forms, no surrogates, ≤ U+10FFFF).
    const [low, high] =
      lead === 0xe0
        ? [0xa0, 0xbf]
        : lead === 0xed
          ? [0x80, 0x9f]
          : lead === 0xf0
            ? [0x90, 0xbf]
            : lead === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let k = 1; k < length; k++) {
      const byte = bytes[at + k];
      if (byte === undefined || (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf)) return at;
    }
    at += length;
  }
  return at;
}

/**
 * Checks that a file's bytes are UTF-8 text. Refuses UTF-16 (by its byte-order mark or NUL bytes)
 * and invalid UTF-8 (with the offset of its first bad byte).
 */
export function checkUtf8(bytes: Uint8Array, what = 'the file'): void {
  checkHead(bytes, what);
  if (!isUtf8(bytes)) refuseInvalid(bytes, 0, what);
}

/** UTF-16 is told by the start of a file: its byte-order mark, or NUL bytes in its first 4,096 bytes. */
const HEAD_BYTES = 4096;

function checkHead(bytes: Uint8Array, what: string): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    refuse(`${what} is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8`);
  if (bytes.subarray(0, HEAD_BYTES).includes(0))
    refuse(`${what} holds NUL bytes: it is UTF-16 or binary, not UTF-8 text; save it as UTF-8`);
}

/** Refuses bytes that are not UTF-8 (the caller checked), naming the first bad byte; `start` is their offset in the file. */
function refuseInvalid(bytes: Uint8Array, start: number, what: string): never {
  const offset = invalidUtf8Offset(bytes);
  const byte = bytes[offset]!.toString(16).padStart(2, '0');
  return refuse(`${what} is not valid UTF-8: byte 0x${byte} at byte offset ${start + offset}`);
}

/** Where the last bytes start an encoded character that continues past them (else their length). */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const byte = bytes[bytes.length - k]!;
    if (byte < 0x80) break;
    // A lead byte: 110xxxxx starts 2 bytes, 1110xxxx 3, 11110xxx 4.
    if (byte >= 0xc0) return (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) > k ? bytes.length - k : bytes.length;
  }
  return bytes.length;
}

/**
 * {@link checkUtf8} over a file read in parts: the same refusal — the same message, the same byte
 * offset — for every way of cutting the file. The first 4,096 bytes are gathered before anything
 * is decided (they tell UTF-16); a character cut between two parts is checked whole.
 */
export class Utf8Check {
  private head: Uint8Array[] | undefined = [];
  private headBytes = 0;
  /** The end of the bytes seen: an encoded character the next part completes. */
  private carry: Uint8Array = new Uint8Array(0);
  /** The file offset of `carry`: every byte before it is checked. */
  private checked = 0;

  constructor(private readonly what = 'the file') {}

  /**
   * Checks the next part of the file (its buffer may be reused once this returns).
   *
   * @throws `SynergyPayError` `INVALID_INPUT`, as {@link checkUtf8}.
   */
  push(part: Uint8Array): void {
    if (this.head === undefined) {
      this.checkPart(part);
      return;
    }
    this.head.push(Uint8Array.from(part));
    this.headBytes += part.length;
    if (this.headBytes >= HEAD_BYTES) this.startChecking();
  }

  /** After the last part: a character left unfinished is invalid. */
  end(): void {
    if (this.head !== undefined) this.startChecking();
    if (this.carry.length > 0) refuseInvalid(this.carry, this.checked, this.what);
  }

  private startChecking(): void {
    const head = Buffer.concat(this.head!);
    this.head = undefined;
    checkHead(head, this.what);
    this.checkPart(head);
  }

  private checkPart(part: Uint8Array): void {
    const bytes = this.carry.length === 0 ? part : Buffer.concat([this.carry, part]);
    const whole = incompleteTail(bytes);
    const body = bytes.subarray(0, whole);
    if (!isUtf8(body)) refuseInvalid(body, this.checked, this.what);
    this.checked += whole;
    this.carry = Uint8Array.from(bytes.subarray(whole));
  }
}

/** One decoder for every call (not streaming, so it keeps no state between them): NDJSON decodes a line at a time. */
const utf8 = new TextDecoder('utf-8');

/** Decodes a file's bytes as UTF-8 text ({@link checkUtf8}, `what` naming it), without a leading byte-order mark. */
export function decodeUtf8(bytes: Uint8Array, what = 'the file'): string {
  checkUtf8(bytes, what);
  // The byte-order mark is dropped (`ignoreBOM: false`, the default).
  return utf8.decode(bytes);
}

const lineColumn = (line: number, column: number) => `line ${line}, column ${column}`;

/**
 * Parses JSON text strictly: a syntax error (an empty file, a comment, a trailing comma, …) is
 * refused with its line and column, and a key that appears twice in one object with the JSON
 * path of the second.
 */
export function parseJsonText(text: string, where: (line: number, column: number) => string = lineColumn): unknown {
  if (text.trim() === '') refuse('the file is empty (no JSON value)');
  let value: unknown;
  let failed = false;
  try {
    value = JSON.parse(text);
  } catch {
    failed = true;
  }
  try {
    // Parsed: a fast pass looks for a repeated key; only if it finds one (or cannot tell) does the
    // scanner run to say where. Not parsed: the scanner finds the first error, and says where.
    if (failed || mayRepeatKeys(text)) new JsonScanner(text, failed).document();
  } catch (problem) {
    if (!(problem instanceof JsonProblem)) throw problem;
    const { line, column } = lineAndColumn(text, problem.offset);
    refuse(`${problem.message} (${where(line, column)})`, problem.path);
  }
  return value;
}

/**
 * Parses a JSON file's bytes strictly, as the CLI reads scenario files: UTF-8 with or without a
 * byte-order mark; UTF-16, invalid UTF-8 (with the offset of its first bad byte), an empty file,
 * comments and every other syntax error (with its line and column) refused; a key that appears
 * twice in one object refused with the JSON path of the second — `JSON.parse` would silently keep
 * the last value. Objects and arrays may nest at most 1,000 deep.
 *
 * @param bytes - The file's bytes (e.g. from {@link readInputFile}).
 * @returns The parsed value.
 * @throws `SynergyPayError` `INVALID_INPUT` with one issue: its message says what and
 *   where; for a duplicate key its `path` is the second key's.
 * @example
 * ```ts
 * import { parseJsonBytes } from 'synergy-pay/folder';
 * parseJsonBytes(new TextEncoder().encode('{"amount": "1.00"}')); // { amount: '1.00' }
 * parseJsonBytes(new TextEncoder().encode('{"amount": "1.00", "amount": "2.00"}'));
 * // throws: duplicate key "amount" (line 1, column 20), path ['amount']
 * ```
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  return parseJsonText(decodeUtf8(bytes));
}

/**
 * Parses one line of an NDJSON file as strictly as {@link parseJsonBytes} parses a file; a
 * refusal says "the line" and gives the column only (the caller names the file and the line).
 */
export function parseJsonLineBytes(bytes: Uint8Array): unknown {
  return parseJsonText(decodeUtf8(bytes, 'the line'), (_line, column) => `column ${column}`);
}

/** The key offsets of {@link mayRepeatKeys}, kept between calls (allocating them took most of the time of a short NDJSON line). */
let keyStarts = new Int32Array(256);
let keyEnds = new Int32Array(256);

/**
 * Whether some object of a JSON text (known to be valid) repeats a key — or has a key with an
 * escape, which this pass does not decode. One pass with no allocation per token: the keys of
 * the open objects are kept as offsets into the text and compared in place. (The scanner below,
 * which also tracks the JSON path, is several times slower; it runs only when this says yes.)
 */
function mayRepeatKeys(text: string): boolean {
  let starts = keyStarts;
  let ends = keyEnds;
  let top = 0; // keys of the open objects: [starts[k], ends[k]) for k < top
  const frames: number[] = []; // the enclosing containers' frames
  let frame = -1; // the open container: the index of its first key, or -1 for an array (or none)
  let expectKey = false;
  const length = text.length;
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) {
      const start = at + 1;
      let end = text.indexOf('"', start);
      for (;;) {
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      at = end;
      if (!expectKey) continue;
      expectKey = false;
      for (let k = start; k < end; k++) if (text.charCodeAt(k) === 0x5c) return true;
      for (let key = frame; key < top; key++) if (sameText(text, starts[key]!, ends[key]!, start, end)) return true;
      if (top === starts.length) {
        const grow = (from: Int32Array) => {
          const to = new Int32Array(from.length * 2);
          to.set(from);
          return to;
        };
        starts = keyStarts = grow(starts);
        ends = keyEnds = grow(ends);
      }
      starts[top] = start;
      ends[top++] = end;
    } else if (code === 0x7b) {
      frames.push(frame);
      frame = top;
      expectKey = true;
    } else if (code === 0x5b) {
      frames.push(frame);
      frame = -1;
      expectKey = false;
    } else if (code === 0x7d || code === 0x5d) {
      if (code === 0x7d) top = frame;
      frame = frames.pop() ?? -1;
      expectKey = false;
    } else if (code === 0x2c) expectKey = frame !== -1;
  }
  return false;
}

/** Whether `text[a, aEnd)` and `text[b, bEnd)` are the same characters. */
function sameText(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const describe = (text: string, at: number) =>
  at >= text.length ? 'the end of the file' : JSON.stringify(String.fromCodePoint(text.codePointAt(at)!));

/**
 * A JSON scanner. With `strict`, it checks the whole grammar (to find where `JSON.parse` failed);
 * without, the text is known to be JSON and it only tracks keys, to find duplicates fast.
 */
class JsonScanner {
  private at = 0;
  private readonly path: (string | number)[] = [];

  constructor(
    private readonly text: string,
    private readonly strict: boolean,
  ) {}

  document(): void {
    this.value(0);
    this.space();
    if (this.at < this.text.length) this.fail('expected the end of the file');
  }

  private fail(expected: string): never {
    const code = this.text.charCodeAt(this.at);
    const next = this.text.charCodeAt(this.at + 1);
    if (code === 0x2f && (next === 0x2f || next === 0x2a))
      throw new JsonProblem(this.at, 'comments are not allowed in JSON');
    throw new JsonProblem(this.at, `${expected}, found ${describe(this.text, this.at)}`);
  }

  private space(): void {
    const text = this.text;
    let code = text.charCodeAt(this.at);
    while (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) code = text.charCodeAt(++this.at);
  }

  private value(depth: number): void {
    this.space();
    if (depth > MAX_JSON_DEPTH) throw new JsonProblem(this.at, `nested deeper than ${MAX_JSON_DEPTH} levels`);
    const code = this.text.charCodeAt(this.at);
    if (code === 0x7b) this.object(depth);
    else if (code === 0x5b) this.array(depth);
    else if (code === 0x22) this.string();
    else if (code === 0x2d || isDigit(code)) this.number();
    else if (!['true', 'false', 'null'].some((word) => this.word(word))) this.fail('expected a JSON value');
  }

  private word(word: string): boolean {
    if (!this.text.startsWith(word, this.at)) return false;
    this.at += word.length;
    return true;
  }

  private object(depth: number): void {
    this.at++;
    const keys: string[] = [];
    let seen: Set<string> | undefined;
    this.space();
    if (this.text.charCodeAt(this.at) === 0x7d) {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text.charCodeAt(this.at) !== 0x22) this.fail('expected a property name in double quotes');
      const keyAt = this.at;
      const key = this.string();
      // Small objects (nearly all) compare in an array; a large one switches to a set.
      if (seen === undefined && keys.length > 16) seen = new Set(keys);
      if (seen === undefined ? keys.includes(key) : seen.has(key))
        throw new JsonProblem(keyAt, `duplicate key "${key}"`, [...this.path, key]);
      if (seen === undefined) keys.push(key);
      else seen.add(key);
      this.space();
      if (this.text.charCodeAt(this.at) !== 0x3a) this.fail('expected ":" after a property name');
      this.at++;
      this.path.push(key);
      this.value(depth + 1);
      this.path.pop();
      if (this.endOf(0x7d, 'expected "," or "}"')) return;
    }
  }

  private array(depth: number): void {
    this.at++;
    this.space();
    if (this.text.charCodeAt(this.at) === 0x5d) {
      this.at++;
      return;
    }
    for (let index = 0; ; index++) {
      this.path.push(index);
      this.value(depth + 1);
      this.path.pop();
      if (this.endOf(0x5d, 'expected "," or "]"')) return;
    }
  }

  /** After a member: `true` at the closing bracket, `false` after a comma. */
  private endOf(close: number, expected: string): boolean {
    this.space();
    const code = this.text.charCodeAt(this.at);
    if (code === close) {
      this.at++;
      return true;
    }
    if (code !== 0x2c) this.fail(expected);
    this.at++;
    this.space();
    const next = this.text.charCodeAt(this.at);
    if (next === 0x7d || next === 0x5d) throw new JsonProblem(this.at, 'a trailing comma is not allowed in JSON');
    return false;
  }

  /** Scans a string; returns its value (escapes decoded). */
  private string(): string {
    const text = this.text;
    const start = ++this.at;
    for (;;) {
      const end = text.indexOf('"', this.at);
      if (end === -1) throw new JsonProblem(start - 1, 'a string is not closed');
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
      this.at = end + 1;
      if (backslashes % 2 === 0) break;
    }
    const raw = text.slice(start, this.at - 1);
    if (this.strict) this.checkString(raw, start);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  private checkString(raw: string, start: number): void {
    for (let k = 0; k < raw.length; k++) {
      const code = raw.charCodeAt(k);
      if (code < 0x20)
        throw new JsonProblem(start + k, 'a control character (a raw line break or tab) inside a string');
      if (code !== 0x5c) continue;
      const escape = raw[k + 1]!;
      if (escape === 'u' ? !/^[0-9a-fA-F]{4}$/.test(raw.slice(k + 2, k + 6)) : !'"\\/bfnrt'.includes(escape))
        throw new JsonProblem(start + k, 'an invalid escape sequence in a string');
      k += escape === 'u' ? 5 : 1;
    }
  }

  private number(): void {
    const text = this.text;
    const start = this.at;
    if (!this.strict) {
      let code = text.charCodeAt(this.at);
      while (isDigit(code) || code === 0x2d || code === 0x2b || code === 0x2e || code === 0x65 || code === 0x45)
        code = text.charCodeAt(++this.at);
      return;
    }
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = start;
    if (!match.test(text)) this.fail('expected a number');
    this.at = match.lastIndex;
    if (isDigit(text.charCodeAt(this.at)) || text[this.at] === '.') this.fail('expected a JSON number');
  }
}
