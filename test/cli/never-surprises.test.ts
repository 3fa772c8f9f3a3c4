/**
 * Issue 18 point 5: a CLI that never surprises — output to stdout with `--out -`; an output that
 * is not a regular file refused, never replaced; a symlink written through; every JSON problem
 * named with where it is; inputs that are not regular files, or too large, refused; `--version`;
 * usage on stderr for bad usage.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapWarning } from '../../src/cli/io.js';
import { MAX_INPUT_BYTES, readInputFile, writeScenarioFolder } from '../../src/folder/index.js';
import { golden } from '../period/golden.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-surprises-'));
const goldenJson = JSON.stringify(golden(), null, 2);
const goldenFile = join(dir, 'golden.json');
writeFileSync(goldenFile, goldenJson);
const expectedJson = cli('run', goldenFile, '--format', 'json').out;

/** A file of `bytes` in the test folder. */
function file(name: string, bytes: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function fifo(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('--out', () => {
  it('- writes the result to stdout (JSON by default, as a file would be)', () => {
    const { code, out, err } = cli('run', goldenFile, '--out', '-');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(expectedJson);
    expect(JSON.parse(out).totals.statements).toBe('96215.99');
    expect(cli('run', goldenFile, '--out', '-', '--format', 'csv').out).toMatch(/^person,name,department/);
    expect(JSON.parse(cli('schema', '--out', '-').out).title).toBe('synergy-pay scenario');
  });

  it.each([
    ['a FIFO', () => fifo('out.fifo'), (path: string) => statSync(path).isFIFO(), 'a FIFO (named pipe)'],
    [
      'a directory',
      () => {
        const path = join(dir, 'out-dir');
        mkdirSync(path);
        return path;
      },
      (path: string) => statSync(path).isDirectory(),
      'a directory',
    ],
    ['a device', () => '/dev/null', (path: string) => statSync(path).isCharacterDevice(), 'a character device'],
  ])('refuses %s with exit 2 and leaves it as it was', (_, make, unchanged, kind) => {
    const path = make();
    const { code, out, err } = cli('run', goldenFile, '--out', path);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `synergy-pay: will not write ${path}: it is ${kind}, not a regular file (use --out - for standard output)\n`,
    );
    expect(unchanged(path)).toBe(true);
  });

  it('writes through a symlink: the target is replaced, the link kept', () => {
    const target = file('target.json', 'old');
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    expect(cli('run', goldenFile, '--out', link).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe(expectedJson);
  });

  it('writes through a dangling symlink (creates its target) and keeps a replaced file’s permissions', () => {
    const target = join(dir, 'created-by-link.json');
    const link = join(dir, 'dangling.json');
    symlinkSync(target, link);
    expect(cli('run', goldenFile, '--out', link).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(expectedJson);
    const kept = file('mode.json', 'old');
    execFileSync('chmod', ['640', kept]);
    expect(cli('run', goldenFile, '--out', kept).code).toBe(0);
    expect(statSync(kept).mode & 0o777).toBe(0o640);
  });
});

describe('reading JSON', () => {
  it.each([
    [
      'a trailing comma',
      '{\n  "plan": {\n    "id": "x",\n  }\n}\n',
      'a trailing comma is not allowed in JSON (line 4, column 3)',
    ],
    ['an unclosed object', '{\n  "plan": {}\n', 'expected "," or "}", found the end of the file (line 3, column 1)'],
    ['an unclosed string', '{\n  "plan": "x\n}', 'a string is not closed (line 2, column 11)'],
    [
      'a line break inside a string',
      '{"a": "x\ny", "b": 1}',
      'a control character (a raw line break or tab) inside a string (line 1, column 9)',
    ],
    [
      'a single-quoted key',
      "{\n  'plan': 1\n}",
      `expected a property name in double quotes, found "'" (line 2, column 3)`,
    ],
    ['a missing colon', '{"plan" {}}', 'expected ":" after a property name, found "{" (line 1, column 9)'],
    ['garbage after the value', '{}\n{}', 'expected the end of the file, found "{" (line 2, column 1)'],
    ['a comment', '{\n  // the plan\n  "plan": {}\n}', 'comments are not allowed in JSON (line 2, column 3)'],
    ['a block comment', '{ /* x */ }', 'comments are not allowed in JSON (line 1, column 3)'],
    ['an empty file', '', 'the file is empty (no JSON value)'],
    ['a file of spaces', '  \n\n', 'the file is empty (no JSON value)'],
  ])('names %s, with its line and column', (name, text, message) => {
    const path = file(`${name.replaceAll(' ', '-')}.json`, text);
    const { code, err } = cli('run', path);
    expect(code).toBe(2);
    expect(err).toBe(`synergy-pay: ${path} is not valid JSON: ${message}\n`);
  });

  it('accepts a UTF-8 byte-order mark (Windows tools write one)', () => {
    const path = file('bom.json', `\ufeff${goldenJson}`);
    expect(cli('run', path, '--out', '-').out).toBe(expectedJson);
  });

  it.each([
    [
      'UTF-16 LE with its byte-order mark',
      Buffer.from(`\ufeff${goldenJson}`, 'utf16le'),
      'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    ],
    [
      'UTF-16 BE with its byte-order mark',
      Buffer.from(`\ufeff${goldenJson}`, 'utf16le').swap16(),
      'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    ],
    [
      'UTF-16 without a byte-order mark',
      Buffer.from(goldenJson, 'utf16le'),
      'the file holds NUL bytes: it is UTF-16 or binary, not UTF-8 text; save it as UTF-8',
    ],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('{"plan": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
      'the file is not valid UTF-8: byte 0xe9 at byte offset 13',
    ],
    [
      'an overlong UTF-8 form',
      Buffer.concat([Buffer.from('{"a": "'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
      'the file is not valid UTF-8: byte 0xc0 at byte offset 7',
    ],
    [
      'a UTF-8 surrogate',
      Buffer.concat([Buffer.from('["张三", "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"]')]),
      'the file is not valid UTF-8: byte 0xed at byte offset 12',
    ],
  ])('names %s', (name, bytes, message) => {
    const path = file(`${name.replaceAll(' ', '-')}.json`, bytes);
    const { code, err } = cli('run', path);
    expect(code).toBe(2);
    expect(err).toBe(`synergy-pay: ${path} is not valid JSON: ${message}\n`);
  });

  it('refuses a duplicate key with the JSON path of the second (the 65,600.50 commission of issue 18)', () => {
    const text = goldenJson.replace('"amount": "30000.00"', '"amount": "20600.50",\n          "amount": "65600.50"');
    expect(text).not.toBe(goldenJson);
    const path = file('duplicate.json', text);
    const { code, out, err } = cli('run', path);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(
      /^synergy-pay: .*duplicate\.json is not valid JSON: duplicate key "amount" \(line \d+, column 11\) at \$\.data\.commissions\[0\]\.amount\n$/,
    );
  });

  it('also in compare and correct, for every file they read', () => {
    const path = file('dup-top.json', '{"plan": 1, "plan": 2}');
    expect(cli('compare', goldenFile, path).err).toContain('duplicate key "plan" (line 1, column 13) at $.plan');
    expect(cli('correct', path, goldenFile).err).toContain('duplicate key "plan"');
  });
});

describe('inputs that are not regular files', () => {
  it('refuses /dev/urandom at once instead of reading forever', () => {
    const started = Date.now();
    const { code, err } = cli('run', '/dev/urandom');
    expect(code).toBe(2);
    expect(err).toBe('synergy-pay: cannot read /dev/urandom: /dev/urandom is a character device, not a regular file\n');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const path = fifo('in.fifo');
    const { code, err } = cli('explain', path, 'li');
    expect(code).toBe(2);
    expect(err).toContain(`${path} is a FIFO (named pipe), not a regular file`);
  });

  it('refuses a directory where a file is expected, and a folder with no scenario files', () => {
    expect(() => readInputFile(dir)).toThrow(`${dir} is a directory, not a regular file`);
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    const { code, err } = cli('run', empty);
    expect(code).toBe(2);
    expect(err).toContain(`${empty} is not a scenario folder: it has no plan.json, period.json, CSV or NDJSON file`);
  });

  it(`refuses a file larger than ${MAX_INPUT_BYTES} bytes (500 MiB) before reading it`, () => {
    const path = file('huge.json', '');
    truncateSync(path, MAX_INPUT_BYTES + 1); // sparse: no disk used
    const { code, err } = cli('run', path);
    expect(code).toBe(2);
    expect(err).toBe(
      `synergy-pay: cannot read ${path}: ${path} is 524288001 bytes, more than the 524288000 bytes (500 MiB) an input may have\n`,
    );
  });

  it('warns before reading a folder too large for the heap, with the option that gives Node more', () => {
    const folder = join(dir, 'large-folder');
    writeScenarioFolder(golden(), folder);
    const people = join(folder, 'people.csv');
    truncateSync(people, 64 * 2 ** 30); // 64 GiB, sparse: the read refuses it, the warning comes first
    const { code, err } = cli('run', folder);
    expect(code).toBe(2);
    const [warning, ...rest] = err.split('\n');
    expect(warning).toMatch(
      new RegExp(
        `^synergy-pay: warning: ${folder} holds 64\\.0 GB of input; running it may take about 288\\.0 GB of heap, ` +
          `and Node's heap is limited to [\\d.]+ [GM]B here\\. If it runs out of memory, give Node more: ` +
          `NODE_OPTIONS=--max-old-space-size=29\\d{4} \\(see docs/scale\\.md\\)\\.$`,
      ),
    );
    expect(rest.join('\n')).toMatch(/people\.csv/);
  });

  it('says nothing of the heap for an input that fits, and states the measured need (heapWarning)', () => {
    expect(cli('run', goldenFile).err).toBe('');
    const limit = 4 * 2 ** 30;
    expect(heapWarning('f', { bytes: 100 * 2 ** 20, kind: 'json' }, limit)).toBeUndefined();
    expect(heapWarning('f', { bytes: 800 * 2 ** 20, kind: 'folder' }, limit)).toBeUndefined(); // 3.5 GB
    // The 1,000,000-person folder (820,000,000 bytes) fits 4 GB: 3.4 GB of heap; not 3 GB, 4 GB suggested.
    expect(heapWarning('big/', { bytes: 820e6, kind: 'folder' }, limit)).toBeUndefined();
    expect(heapWarning('big/', { bytes: 820e6, kind: 'folder' }, 3 * 2 ** 30)).toBe(
      "synergy-pay: warning: big/ holds 783 MB of input; running it may take about 3.4 GB of heap, and Node's heap " +
        'is limited to 3.0 GB here. If it runs out of memory, give Node more: NODE_OPTIONS=--max-old-space-size=4096 (see docs/scale.md).\n',
    );
    expect(heapWarning('s.json', { bytes: 800 * 2 ** 20, kind: 'json' }, limit)).toBeUndefined(); // 3.5 GB
    expect(heapWarning('s.json', { bytes: 1000 * 2 ** 20, kind: 'json' }, limit)).toMatch(
      /about 4\.4 GB of heap.*=5120 /,
    );
  });

  it('reports a missing file with its error code', () => {
    const { code, err } = cli('run', join(dir, 'missing.json'));
    expect(code).toBe(2);
    expect(err).toContain('ENOENT');
    expect(existsSync(join(dir, 'missing.json'))).toBe(false);
  });
});

describe('usage', () => {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  it('--version prints the package version', () => {
    expect(cli('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
  it('--help and help print the usage on stdout, exit 0, listing every command', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.err).toBe('');
    for (const command of ['run', 'explain', 'schema', 'demo', 'compare', 'correct', 'export'])
      expect(help.out).toContain(`synergy-pay ${command} `);
    expect(cli('help').out).toBe(help.out);
  });
  it.each([[[]], [['frobnicate']], [['run']], [['run', goldenFile, '--colour']], [['export', goldenFile]]])(
    'bad usage %j prints the usage on stderr, nothing on stdout, exit 2',
    (argv) => {
      const { code, out, err } = cli(...argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('Usage:\n  synergy-pay run <scenario>');
    },
  );
  it('the executable exits 2 with the usage on stderr', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts'], { encoding: 'utf8' });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toContain('synergy-pay: no command given');
  });
});
