import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorPage } from '../../scripts/error-docs.js';

describe('the error catalogue page', () => {
  it('is up to date with the code (regenerate with `npx tsx scripts/error-docs.ts`)', () => {
    expect(readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')).toBe(errorPage());
  });
});
