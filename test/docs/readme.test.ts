import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('the README', () => {
  it('gives exactly the two quick-start commands, and .ci/run runs the same test command', () => {
    const quick = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(quick).toBe('npm install && npm run demo\nnpm test\n');
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm install\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it('its example runs and prints the figures it promises', () => {
    const block = /<!-- example:start -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const dir = mkdtempSync(join(root, 'test/.readme-'));
    try {
      const file = join(dir, 'example.ts');
      writeFileSync(file, block.replace("from 'synergy-pay'", `from '${join(root, 'src/index.ts')}'`));
      const out = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8' });
      expect(out).toContain('8800.00');
      expect(out).toContain('tech-li 4141.18');
      expect(out).toContain('tech-wang 4658.82');
      expect(out).toContain('tech-zhao 0.00');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
