import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { characters, moneyFormat, summary } from '../../src/cli/format.js';
import { runPeriod, type RunPeriodResult } from '../../src/index.js';
import { golden } from '../period/golden.js';
import { baseScenario, correctedScenario, proposedPlan } from '../whatif/fixtures.js';
import { cli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-cli-locale-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
};
const goldenFile = file('golden.json', golden());

/** The lines from the one starting with `first`, `count` of them. */
const block = (text: string, first: string, count: number) => {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(first));
  return lines.slice(start, start + count);
};

describe('moneyFormat (what Intl prints on Node 20, from the exact decimal string)', () => {
  it('writes CNY as CN¥ in en and ¥ in zh-CN, with digit grouping, negatives and the minor digits', () => {
    const en = moneyFormat('CNY', 'en');
    const zh = moneyFormat('CNY', 'zh-CN');
    expect(en.amount('1234.56')).toBe('CN¥1,234.56');
    expect(zh.amount('1234.56')).toBe('¥1,234.56');
    expect(en.amount('-1234.56')).toBe('-CN¥1,234.56');
    expect(zh.amount('-1234.56')).toBe('-¥1,234.56');
    expect(en.amount('0.00')).toBe('CN¥0.00');
    expect(en.amount('7')).toBe('CN¥7.00');
  });

  it('keeps every digit of an amount beyond 2^53 (never through Number)', () => {
    expect(moneyFormat('CNY', 'en').amount('12345678901234567.89')).toBe('CN¥12,345,678,901,234,567.89');
    expect(moneyFormat('CNY', 'zh-CN').amount('-12345678901234567.89')).toBe('-¥12,345,678,901,234,567.89');
    // Number would print 12,345,678,901,234,568.00.
    expect(Number('12345678901234567.89').toFixed(2)).not.toBe('12345678901234567.89');
  });

  it("uses the currency's minor digits, and never rounds a figure that carries more (a median)", () => {
    expect(moneyFormat('JPY', 'en').amount('1234')).toBe('¥1,234');
    expect(moneyFormat('JPY', 'zh-CN').amount('1234')).toBe('JP¥1,234');
    expect(moneyFormat('KWD', 'en').amount('1.5')).toBe('KWD\u00a01.500');
    expect(moneyFormat('CNY', 'en').amount('1234.565')).toBe('CN¥1,234.565');
  });

  it('signs differences always, and writes a missing figure as a dash', () => {
    const en = moneyFormat('CNY', 'en');
    expect(en.signed('550.00')).toBe('+CN¥550.00');
    expect(en.signed('-500.00')).toBe('-CN¥500.00');
    expect(en.signed('0.00')).toBe('+CN¥0.00');
    expect(en.orDash(null)).toBe('—');
  });
});

describe('synergy-pay --locale: the text output', () => {
  it('prints the summary totals in en by default, and the same with --locale en', () => {
    const { code, out } = cli('run', goldenFile);
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}base pay {13}CN¥54,131\.87$/m);
    expect(out).toMatch(/^ {2}deductions {14}CN¥200\.00$/m);
    expect(out).toMatch(/^ {2}statements total {5}CN¥96,215\.99$/m);
    expect(cli('run', goldenFile, '--locale', 'en').out).toBe(out);
  });

  it('prints the summary totals in zh-CN with ¥, the columns aligned', () => {
    const { code, out } = cli('run', goldenFile, '--locale', 'zh-CN');
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}statements total {5}¥96,215\.99$/m);
    expect(out).not.toContain('CN¥');
    const totals = block(out, '  base pay', 10);
    expect(totals[9]).toMatch(/^ {2}statements total/);
    // Labels padded to one width, amounts right-aligned: every line ends at the same column.
    expect(new Set(totals.map(characters)).size).toBe(1);
  });

  it('accepts a tag in any case and canonicalises it (zh-cn is zh-CN)', () => {
    expect(cli('run', goldenFile, '--locale', 'zh-cn').out).toBe(cli('run', goldenFile, '--locale', 'zh-CN').out);
  });

  it('formats for any other locale Intl knows (de-DE: 96.215,99 CN¥)', () => {
    expect(cli('run', goldenFile, '--locale', 'de-DE').out).toMatch(/statements total\s+96\.215,99\s+CN¥$/m);
  });

  it('explains a statement in both locales: lines and total aligned, a negative deduction', () => {
    const en = cli('explain', goldenFile, 'wang');
    const zh = cli('explain', goldenFile, 'wang', '--locale', 'zh-CN');
    expect(en.code).toBe(0);
    expect(zh.code).toBe(0);
    expect(en.out).toMatch(/^Base pay \(grade P5\) +CN¥24,000\.00$/m);
    expect(en.out).toMatch(/^Deduction: late 3 times +-CN¥200\.00$/m);
    expect(en.out).toMatch(/^Total \(the sum of the lines above\) +CN¥30,100\.00$/m);
    expect(zh.out).toMatch(/^Base pay \(grade P5\) +¥24,000\.00$/m);
    expect(zh.out).toMatch(/^Deduction: late 3 times +-¥200\.00$/m);
    expect(zh.out).toMatch(/^Total \(the sum of the lines above\) +¥30,100\.00$/m);
    for (const out of [en.out, zh.out]) {
      const amounts = out.split('\n').filter((line) => /^\S.*\s-?(CN)?¥[\d,]+\.\d{2}$/.test(line));
      expect(amounts).toHaveLength(4);
      expect(new Set(amounts.map(characters)).size).toBe(1);
    }
    // The trace keeps the exact decimals of the calculation.
    expect(zh.out).toContain('with deduction row: d1; reason given: late 3 times → -200.00');
  });

  it('aligns large and negative amounts in the summary totals', () => {
    const result = runPeriod(golden());
    const large: RunPeriodResult = {
      ...result,
      totals: { ...result.totals, statements: '12345678901234567.89', unallocated: '-0.01' },
    };
    for (const [locale, big, negative] of [
      ['en', 'CN¥12,345,678,901,234,567.89', '-CN¥0.01'],
      ['zh-CN', '¥12,345,678,901,234,567.89', '-¥0.01'],
    ] as const) {
      const totals = block(summary(large, locale), '  base pay', 10);
      expect(totals[9]).toBe(`  statements total     ${big}`);
      expect(totals[7]!.endsWith(` ${negative}`)).toBe(true);
      expect(new Set(totals.map(characters)).size).toBe(1);
    }
  });

  it('prints compare and correct tables in zh-CN', () => {
    const live = file('live.json', baseScenario());
    const proposed = file('proposed.json', { ...baseScenario(), plan: proposedPlan() });
    const compared = cli('compare', live, proposed, '--locale', 'zh-CN');
    expect(compared.code).toBe(0);
    expect(compared.out).toMatch(/statements\s+¥30,700\.00\s+¥32,000\.00\s+\+¥1,300\.00/);
    expect(compared.out).toMatch(/wang\s+tech\s+\+¥550\.00/);
    const paid = file('paid.json', { scenario: baseScenario(), result: runPeriod(baseScenario()) });
    const corrected = cli('correct', paid, file('corrected.json', correctedScenario()), '--locale', 'zh-CN');
    expect(corrected.code).toBe(0);
    expect(corrected.out).toMatch(/li\s+¥10,350\.00\s+¥0\.00\s+-¥500\.00\s+¥9,850\.00/);
    expect(corrected.out).toContain(
      'Check: paid ¥30,700.00 + arrears ¥1,490.00 + recoveries -¥500.00 = re-run ¥31,690.00',
    );
    const lines = corrected.out.split('\n');
    const table = lines.slice(
      lines.findIndex((line) => line.startsWith('  person ')),
      lines.findIndex((line) => line.startsWith('  total ')) + 1,
    );
    // Per person: paid, arrears, recoveries, re-run right-aligned; each changed line below with its → in one column.
    const rows = table.filter((row) => !row.startsWith('      '));
    expect(rows.map((row) => row.split(' ').find((word) => word !== ''))).toEqual([
      'person',
      'li',
      'wang',
      'zhao',
      'total',
    ]);
    expect(new Set(rows.map(characters)).size).toBe(1);
    const details = table.filter((row) => row.startsWith('      '));
    expect(details).toHaveLength(4);
    expect(new Set(details.map((row) => characters(row.slice(0, row.indexOf('→'))))).size).toBe(1);
  });
});

describe('synergy-pay --locale: refused tags and machine formats', () => {
  it.each(['en_US', 'xx', 'zz-ZZ', '!!', ''])('refuses %j with one line on stderr and exit code 2', (tag) => {
    const { code, out, err } = cli('run', goldenFile, '--locale', tag);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `synergy-pay: --locale must be a locale tag Intl can format (en, zh-CN, de-DE, …), not "${tag}"\n`,
    );
  });

  it('leaves JSON and CSV byte-identical, on stdout and in --out files', () => {
    for (const format of ['json', 'csv']) {
      expect(cli('run', goldenFile, '--format', format, '--locale', 'zh-CN').out).toBe(
        cli('run', goldenFile, '--format', format).out,
      );
      const plain = join(dir, `plain.${format}`);
      const localised = join(dir, `localised.${format}`);
      cli('run', goldenFile, '--format', format, '--out', plain);
      const { out } = cli('run', goldenFile, '--format', format, '--out', localised, '--locale', 'zh-CN');
      expect(readFileSync(localised, 'utf8')).toBe(readFileSync(plain, 'utf8'));
      // The summary printed beside the file is localised.
      expect(out).toContain('¥96,215.99');
    }
    const live = file('live-json.json', baseScenario());
    const proposed = file('proposed-json.json', { ...baseScenario(), plan: proposedPlan() });
    expect(cli('compare', live, proposed, '--format', 'json', '--locale', 'zh-CN').out).toBe(
      cli('compare', live, proposed, '--format', 'json').out,
    );
  });
});
