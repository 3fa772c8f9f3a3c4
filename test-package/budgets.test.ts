/**
 * Size budgets of the built package (issue 16), measured by `scripts/budgets.mjs` on dist/: each
 * budgeted bundle's gzip size, the declarations and the unpacked tarball. Needs a build first;
 * run with `npm run test:budgets` (part of `npm test`, after the build).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface BudgetCheck {
  readonly name: string;
  readonly figure: number;
  readonly limit: number;
  readonly ok: boolean;
}

const root = resolve(import.meta.dirname, '..');
const run = spawnSync(process.execPath, [join(root, 'scripts/budgets.mjs'), '--json'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
const checks = run.stdout === '' ? [] : (JSON.parse(run.stdout) as { checks: BudgetCheck[] }).checks;

describe('the built package stays within its size budgets', () => {
  it('measures every budget (the script ran on a built dist/)', () => {
    expect(run.stdout, run.stderr).not.toBe('');
    expect(checks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(checks)('$name', (check) => {
    expect(check.figure, `${check.name}: ${check.figure} bytes over its budget`).toBeLessThanOrEqual(check.limit);
  });
});

describe('the declarations a consumer type-checks', () => {
  it.each(['dist/index.d.cts', 'dist/report.d.cts', 'dist/folder/index.d.cts'])(
    '%s imports no zod types (they cost a consumer 1.8× in tsc)',
    (file) => {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text).not.toMatch(/from ['"]zod/);
      expect(text).not.toMatch(/\bz\.Zod\w+</);
    },
  );
  it('dist/index.d.cts names the inputs as interfaces', () => {
    expect(readFileSync(join(root, 'dist/index.d.cts'), 'utf8')).toMatch(/interface AllocateInput \{/);
  });
});

describe('the library entry never loads the folder helpers', () => {
  it.each(['dist/index.js', 'dist/index.cjs'])('%s does not import csv-parse, csv-stringify or node:fs', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).not.toMatch(/csv-parse|csv-stringify|node:fs|require\(['"]fs['"]\)|folder\//);
  });
  it('synergy-pay/folder for require loads the library from dist/index.cjs, not a copy of it', () => {
    const text = readFileSync(join(root, 'dist/folder/index.cjs'), 'utf8');
    expect(text).toContain("require('../index.cjs')");
    expect(text).not.toMatch(/class SynergyPayError/);
  });
});

describe('the library does not import decimal.js (its decimal type is written on BigInt)', () => {
  const files = readdirSync(join(root, 'dist'), { recursive: true })
    .map(String)
    .filter((file) => /\.c?js$/.test(file));
  it.each(files)('dist/%s', (file) => {
    expect(readFileSync(join(root, 'dist', file), 'utf8')).not.toMatch(
      /from ['"]decimal\.js['"]|require\(['"]decimal\.js['"]\)/,
    );
  });
});
