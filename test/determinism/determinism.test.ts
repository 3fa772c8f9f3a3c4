/**
 * Determinism (issue 9 §5): the same input gives byte-identical JSON across time zones (child
 * processes with TZ=UTC, Asia/Shanghai, America/New_York), across the ESM and CJS builds
 * (bundled with tsup into a temporary directory by this test), and the same as in this process.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { determinismCases } from './cases.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const evaluate = join(import.meta.dirname, 'evaluate.mjs');
const source = join(root, 'src/index.ts');
const cases = determinismCases(api);
let work: string;
let casesFile: string;

/** This process's answer, in the child's line format. */
function expectedLines(): string[] {
  const callable = api as unknown as Record<string, (input: unknown) => unknown>;
  return cases.map(({ name, target, input }) => {
    try {
      return `${name}\t${JSON.stringify((callable[target] as (input: unknown) => unknown)(input))}`;
    } catch (error) {
      const e = error as api.SynergyPayError;
      return `${name}\terror ${e.constructor.name} ${e.code} ${JSON.stringify(e.issues)}`;
    }
  });
}

async function child(
  kind: 'src' | 'esm' | 'cjs',
  library: string,
  tz: string,
): Promise<{ lines: string[]; offset: string }> {
  const args =
    kind === 'src' ? ['--import', 'tsx', evaluate, kind, library, casesFile] : [evaluate, kind, library, casesFile];
  const { stdout } = await run(process.execPath, args, {
    cwd: root,
    env: { ...process.env, TZ: tz },
    maxBuffer: 1 << 28,
  });
  const lines = stdout.trimEnd().split('\n');
  const last = lines.pop() as string;
  return { lines, offset: last };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'synergy-determinism-'));
  casesFile = join(work, 'cases.json');
  writeFileSync(casesFile, JSON.stringify(cases));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('determinism: byte-identical JSON everywhere', () => {
  it('covers every function on the package root that has a case source', () => {
    expect(new Set(cases.map((entry) => entry.target)).size).toBeGreaterThanOrEqual(5);
  });

  it('gives the same bytes under TZ=UTC, Asia/Shanghai and America/New_York as in this process', async () => {
    const expected = expectedLines();
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York'];
    const outputs = await Promise.all(zones.map((tz) => child('src', source, tz)));
    // The zones really differ in the children (July offsets: 0, −480, 240 minutes).
    expect(outputs.map((output) => output.offset)).toEqual(['tz\t0', 'tz\t-480', 'tz\t240']);
    for (const output of outputs) {
      expect(output.lines.length).toBe(expected.length);
      output.lines.forEach((line, i) => {
        expect(line, cases[i]?.name).toBe(expected[i]);
      });
    }
  });

  it.skipIf(!existsSync(join(root, 'src/cli/bin.ts')))(
    'the CLI (`synergy-pay run file --format json`, a real process under TZ=America/New_York) prints what runPeriod returns here',
    async () => {
      const scenario = cases.find((entry) => entry.target === 'runPeriod' && entry.name.startsWith('demo'));
      expect(scenario, 'a runPeriod case').toBeDefined();
      const file = join(work, 'scenario.json');
      writeFileSync(file, JSON.stringify(scenario?.input));
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'run', file, '--format', 'json'],
        { cwd: root, env: { ...process.env, TZ: 'America/New_York' }, maxBuffer: 1 << 28 },
      );
      const here = (api as unknown as Record<string, (input: unknown) => unknown>).runPeriod?.(scenario?.input);
      expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(here)));
    },
  );

  it('gives the same bytes from the ESM and the CJS build (tsup into a temp dir) as from the source', async () => {
    const outDir = join(work, 'dist');
    // The bundles keep dependencies external: resolve them from the project's node_modules.
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    const { build } = await import('tsup');
    await build({
      entry: { index: source },
      format: ['esm', 'cjs'],
      outDir,
      dts: false,
      sourcemap: false,
      clean: true,
      splitting: false,
      target: 'node20',
      silent: true,
      config: false,
    });
    const expected = expectedLines();
    const [esm, cjs] = await Promise.all([
      child('esm', join(outDir, 'index.js'), 'Asia/Shanghai'),
      child('cjs', join(outDir, 'index.cjs'), 'America/New_York'),
    ]);
    esm.lines.forEach((line, i) => {
      expect(line, `esm ${cases[i]?.name}`).toBe(expected[i]);
    });
    cjs.lines.forEach((line, i) => {
      expect(line, `cjs ${cases[i]?.name}`).toBe(expected[i]);
    });
    expect(esm.lines.length).toBe(expected.length);
    expect(cjs.lines.length).toBe(expected.length);
  });
});
