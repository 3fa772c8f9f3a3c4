import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heldList, heldText } from '../../src/core/held.js';

describe('heldText and heldList — stored at their size, the values unchanged', () => {
  it('heldText gives the same text, for a text built piece by piece too', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), (pieces) => {
        let built = '';
        for (const piece of pieces) built += piece;
        expect(heldText(built)).toBe(pieces.join(''));
      }),
    );
    expect(heldText('')).toBe('');
  });

  it('heldList gives a new array of the same elements, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 40 }), (elements) => {
        const grown: unknown[] = [];
        for (const element of elements) grown.push(element);
        const held = heldList(grown);
        expect(held).not.toBe(grown);
        expect(held.length).toBe(elements.length);
        held.forEach((element, k) => {
          expect(element).toBe(elements[k]);
        });
        // The copy is the caller's own: changing it leaves the grown list as it was.
        held.push('more');
        expect(grown.length).toBe(elements.length);
      }),
    );
  });
});
