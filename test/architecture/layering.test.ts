import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixture/', import.meta.url));

/** Runs the project's architecture check (`npm run lint:arch`'s command) in `cwd`. */
function depcruise(cwd: string): { status: number | null; output: string } {
  const bin = `${root}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;
  const run = spawnSync(process.execPath, [bin, 'src', '--config', `${root}.dependency-cruiser.cjs`], {
    cwd,
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the architecture check (dependency-cruiser over .dependency-cruiser.cjs)', () => {
  it('fails on a tree that breaks the layering, naming each broken rule and the import', () => {
    const { status, output } = depcruise(fixture);
    expect(status).not.toBe(0);
    expect(output).toContain('core-imports-nothing');
    expect(output).toMatch(/src\/core\/money\.ts\s*→\s*src\/pool\/share\.ts/);
    expect(output).toContain('cli-through-the-entries');
    expect(output).toContain('2 dependency violations');
  });

  it('passes on src/', () => {
    const { status, output } = depcruise(root);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});
