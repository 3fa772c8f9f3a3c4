import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, readInstant } from '../../src/core/instant.js';
import { runs } from '../helpers.js';
import { parseInstant } from '../../src/core/dates.js';

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
/** Strings near the instant grammar: valid ones, and ones with a field out of range or mangled. */
const nearInstant = fc
  .tuple(
    // Years from 0100: the core's parseInstant goes through Date.UTC, which reads years 0–99 as
    // 1900–1999 (reported to the lead); readInstant is checked on those years separately below.
    fc.integer({ min: 100, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    two(13),
    two(32),
    fc.constantFrom('T', 't', ' '),
    two(24),
    two(60),
    fc.option(two(60), { nil: undefined }),
    fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }),
    fc.constantFrom('Z', '+08:00', '-05:30', '+18:00', '+19:00', '-00:60', '', 'z', '+0800'),
  )
  .map(
    ([y, mo, d, t, h, mi, s, frac, zone]) =>
      `${y}-${mo}-${d}${t}${h}:${mi}${s === undefined ? '' : `:${s}${frac === undefined ? '' : `.${frac}`}`}${zone}`,
  );

describe('readInstant equals the core parseInstant', () => {
  it('on strings near the grammar, valid or not', () => {
    fc.assert(
      fc.property(nearInstant, (text) => {
        const expected = parseInstant(text);
        expect(readInstant(text)).toBe(expected === undefined ? Number.NaN : expected);
      }),
      { numRuns: runs(5000) },
    );
  });

  it('on arbitrary strings and on ISO strings of arbitrary instants', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }),
        (text, t) => {
          const expected = parseInstant(text);
          if (!/^00\d\d-/.test(text)) expect(readInstant(text)).toBe(expected === undefined ? Number.NaN : expected);
          const iso = new Date(t).toISOString();
          if (!iso.startsWith('-') && !iso.startsWith('+')) expect(readInstant(iso)).toBe(t);
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('reads years 0000–0099 as themselves', () => {
    expect(readInstant('0050-03-01T00:00:00Z')).toBe(Date.parse('0050-03-01T00:00:00Z'));
    expect(readInstant('0000-02-29T12:00:00+01:00')).toBe(Date.parse('0000-02-29T11:00:00Z'));
  });

  it('daysFromCivil matches Date.UTC', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const days = daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
          expect(days).toBe(Math.floor(date.getTime() / 86_400_000));
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});
