import { describe, expect, it } from 'vitest';
import { checkTsdoc } from '../../scripts/tsdoc-check.js';

describe('the public surface is documented', () => {
  it('every export has a summary, every function and class an @example that compiles', () => {
    const { exports, problems } = checkTsdoc();
    expect(exports).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
