import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/cli/format.js';
import { runs } from '../helpers.js';

describe('jsonChunks', () => {
  it('joined, parses back to the value (long arrays are written element by element)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.jsonValue(), { minLength: 60, maxLength: 150 }), (value, long) => {
        const document = { value, long, nested: { long, deeper: { long } } };
        expect(JSON.parse([...jsonChunks(document)].join(''))).toEqual(JSON.parse(JSON.stringify(document)));
      }),
      { numRuns: runs(1000) },
    );
  });
});
