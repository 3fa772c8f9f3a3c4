import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRuns, runPeriod, SynergyPayError, type RunPeriodInput } from '../../src/index.js';
import { renderReport, renderWhatIfReport } from '../../src/report/index.js';

const scenario = () =>
  JSON.parse(readFileSync('examples/scenarios/ten-person-month.json', 'utf8')) as RunPeriodInput & {
    plan: { versions: { pool: { rate: string } }[] };
    controls: { payTotal?: string };
  };
const base = runPeriod(scenario());
const proposedScenario = scenario();
proposedScenario.plan.versions[0]!.pool.rate = '0.15';
delete proposedScenario.controls.payTotal;
const proposed = runPeriod(proposedScenario);

/** The `data-value` of the element whose `data-figure` is `name`. */
const valueOf = (html: string, name: string) =>
  new RegExp(`data-figure="${name.replace(/\./g, '\\.')}" data-value="([^"]*)"`).exec(html)?.[1];

describe('renderReport', () => {
  const html = renderReport(base);

  it('shows the input ledger and groups the exclusions by list and code, the first 20 of each listed', () => {
    const many = scenario();
    // 25 sales rows: the plan computes no commission from sales, so each is excluded as notReadByPlan
    const sales = Array.from({ length: 25 }, (_, k) => ({
      id: `sale-${String(k).padStart(2, '0')}`,
      person: many.org.people[0]!.id,
      amount: '100.00',
      date: many.period.start,
    }));
    const result = runPeriod({ ...many, controls: undefined, data: { ...many.data, sales } });
    const page = renderReport(result);
    expect(result.ledger.find((s) => s.section === 'sales')).toMatchObject({ rows: 25, used: 0, excluded: 25 });
    expect(page).toContain('sales · notReadByPlan (25)');
    expect(page).toContain('sale-19');
    expect(page).not.toContain('sale-20');
  });

  it('is one self-contained document: no script, nothing fetched', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('carries every total and every statement total as its exact figure', () => {
    for (const [name, value] of Object.entries(base.totals)) expect(valueOf(html, `totals.${name}`)).toBe(value);
    for (const s of base.statements) expect(valueOf(html, `statement.${s.person}.total`)).toBe(s.total);
    // every check of the run holds (16 of the run's own and the controls, 11 of the input ledger)
    expect(base.checks.every((c) => c.holds)).toBe(true);
    expect(valueOf(html, 'checks.holding')).toBe(String(base.checks.length));
    expect(base.checks.length).toBe(27);
    expect(valueOf(html, 'departments.sales.coefficient')).toBe('0.9400');
    expect(valueOf(html, 'departments.sales.uniform')).toBe('0.99');
    expect(valueOf(html, 'support.tech.response.meanScore')).toBe('80.00');
    expect(valueOf(html, 'support.tech.response.breaches')).toBe('1');
  });

  it('gives each person a page with every line and its steps behind <details> or a link', () => {
    const t3 = /<section class="person" id="person-T3">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect([...t3.matchAll(/<td data-value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '6000.00',
      '1578.75',
      '800.00',
      '200.00',
    ]);
    expect(t3).toMatch(/<details><summary>/);
    expect(t3).toContain('Base pay (grade P3)');
  });

  it('lists the review queue', () => {
    expect(html).toContain('coefficientOutOfRange');
    expect(html).toContain('extremeLow (score ≤ 20: 15)');
  });

  it('is accessible: every chart an <svg role="img"> with a title, every table with header cells', () => {
    const svgs = html.match(/<svg[^>]*>[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(2 + base.statements.length);
    for (const svg of svgs) expect(svg).toMatch(/^<svg role="img"[^>]*>(<title[^>]*>[^<]+<\/title>)/);
    const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    for (const table of tables) expect(table).toContain('<th scope="col">');
  });

  it('speaks Chinese for zh-CN: labels and number formats', () => {
    const zh = renderReport(base, { locale: 'zh-CN' });
    expect(zh).toContain('<html lang="zh-CN">');
    for (const label of ['基本工资', '绩效奖金', '提成', '后端支撑奖励', '扣减', '个人薪酬看板'])
      expect(zh).toContain(label);
    expect(zh).toContain('¥113,378.75');
    expect(zh).not.toContain('CN¥');
  });

  it('refuses a locale Intl cannot format (INVALID_INPUT at locale)', () => {
    expect.assertions(2);
    try {
      renderReport(base, { locale: 'not a locale!' });
    } catch (error) {
      expect(error).toBeInstanceOf(SynergyPayError);
      expect((error as SynergyPayError).issues.map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', ['locale']]]);
    }
  });
});

describe('renderWhatIfReport', () => {
  const html = renderWhatIfReport({ base, proposed });
  const comparison = compareRuns({ base, proposed });

  it('shows the totals, the gainers and losers, the departments and the pool of the comparison', () => {
    for (const total of comparison.totals) expect(valueOf(html, `totals.${total.name}.delta`)).toBe(total.delta);
    expect(valueOf(html, 'counts.gainers')).toBe(String(comparison.counts.gainers));
    expect(valueOf(html, 'counts.losers')).toBe(String(comparison.counts.losers));
    for (const d of comparison.departments) expect(valueOf(html, `departments.${d.department}.delta`)).toBe(d.delta);
    // pool 0.10 → 0.15 of 41000.00: 4100.00 → 6150.00.
    expect(valueOf(html, 'pool.base.pool')).toBe('4100.00');
    expect(valueOf(html, 'pool.proposed.pool')).toBe('6150.00');
    expect(valueOf(html, 'pool.base.gini')).toBe(comparison.pool.base.gini);
    expect(html).toContain('id="chart-lorenz"');
  });

  it('counts every person once in the histogram', () => {
    const counts = [...html.matchAll(/data-figure="histogram\.[^"]*" data-value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(comparison.counts.people);
  });

  it('takes a comparison alone (then without Lorenz curves)', () => {
    const alone = renderWhatIfReport({ comparison });
    expect(valueOf(alone, 'pool.proposed.pool')).toBe('6150.00');
    expect(alone).not.toContain('id="chart-lorenz"');
    expect(alone).toContain('The Lorenz curve needs the two results');
  });

  it('refuses an input with neither a comparison nor both results (INVALID_INPUT)', () => {
    expect(() => renderWhatIfReport({ base })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
