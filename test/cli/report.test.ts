import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportRenderer } from '../../src/cli/report.js';
import { cli } from './run.js';

const month = 'examples/scenarios/ten-person-month.json';
const quarter = 'examples/scenarios/quarter-plan-change.json';

describe('synergy-pay report', () => {
  beforeAll(async () => {
    await loadReportRenderer();
  });
  const dir = mkdtempSync(join(tmpdir(), 'synergy-pay-report-'));

  it('writes one HTML file with --out', () => {
    const out = join(dir, 'report.html');
    const { code, out: printed } = cli('report', month, '--out', out);
    expect(code).toBe(0);
    expect(printed).toBe(`Wrote the report (HTML) to ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('data-figure="totals.statements" data-value="113378.75"');
    expect(html).toContain('id="person-S1"');
  });

  it('prints the HTML without --out, in Chinese with --locale zh-CN', () => {
    const { code, out } = cli('report', quarter, '--locale', 'zh-CN');
    expect(code).toBe(0);
    expect(out).toContain('<html lang="zh-CN">');
    expect(out).toContain('基本工资');
    expect(out).toContain('data-figure="totals.statements" data-value="173493.97"');
  });

  it('writes the HTML to stdout with --out -, as every command does', () => {
    const { code, out } = cli('report', month, '--out', '-');
    expect(code).toBe(0);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('data-figure="totals.statements" data-value="113378.75"');
  });

  it('writes a what-if with --compare', () => {
    const out = join(dir, 'whatif.html');
    const { code } = cli('report', month, '--compare', month, '--out', out);
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('data-figure="identical" data-value="true"');
    expect(html).toContain('data-figure="pool.base.gini" data-value="0.0585"');
  });

  it('refuses a missing scenario argument and a bad file (exit 2)', () => {
    expect(cli('report').code).toBe(2);
    const missing = cli('report', join(dir, 'nothing.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
  });

  it('without d3-scale and d3-shape says how to install them (exit 2)', async () => {
    const notFound = Object.assign(new Error("Cannot find package 'd3-scale' imported from /x/dist/report/charts.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    await loadReportRenderer(() => Promise.reject(notFound));
    const { code, err } = cli('report', month);
    await loadReportRenderer();
    expect(code).toBe(2);
    expect(err).toContain('npm install d3-scale@^4.0.2 d3-shape@^3.2.0');
  });
});
