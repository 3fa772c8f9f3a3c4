import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

describe('examples never rot', () => {
  it('every script in examples/ is run by a test in test/examples/', () => {
    const tests = readdirSync(join(root, 'test/examples'))
      .map((file) => readFileSync(join(root, 'test/examples', file), 'utf8'))
      .join('\n');
    const unrun = readdirSync(join(root, 'examples'))
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => !tests.includes(`examples/${file}`));
    expect(unrun).toEqual([]);
  });

  it('every guide in docs/ is linked from the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const unlinked = readdirSync(join(root, 'docs')).filter(
      (file) => file.endsWith('.md') && !readme.includes(`docs/${file}`),
    );
    expect(unlinked).toEqual([]);
  });
});
