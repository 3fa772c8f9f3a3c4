/**
 * The reports in a real browser: headless Chromium (from @sparticuz/chromium, which ships the
 * binary in its npm package) driven by playwright-core. Each page loads from file:// with no
 * console error and no request but its own file, shows the figures of the result it renders, and
 * leaves a screenshot under test-output/screenshots/ for review. Pages stay open until the browser
 * closes: @sparticuz/chromium runs single-process, and closing the last page would end it.
 */
import chromium from '@sparticuz/chromium';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, moneyFormat, runPeriod, type RunPeriodInput } from '../../src/index.js';
import { renderReport, renderWhatIfReport } from '../../src/report/index.js';

const output = resolve('test-output');
const screenshots = join(output, 'screenshots');
const scenario = () =>
  JSON.parse(readFileSync('examples/scenarios/ten-person-month.json', 'utf8')) as RunPeriodInput & {
    plan: { versions: { pool: { rate: string } }[] };
    controls: { payTotal?: string };
  };
const base = runPeriod(scenario());
const changed = scenario();
changed.plan.versions[0]!.pool.rate = '0.15';
delete changed.controls.payTotal;
const proposed = runPeriod(changed);
const money = moneyFormat('CNY', 'en');

let browser: Browser;
const files = { report: join(output, 'report.html'), whatIf: join(output, 'whatif.html') };

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  writeFileSync(files.report, renderReport(base));
  writeFileSync(files.whatIf, renderWhatIfReport({ base, proposed }));
  try {
    browser = await playwright.launch({
      executablePath: await chromium.executablePath(),
      args: chromium.args,
      headless: true,
    });
  } catch (error) {
    throw new Error(
      `The browser tests need headless Chromium: @sparticuz/chromium (a devDependency) could not be launched ` +
        `(run \`npm install\`; on an unsupported platform install Chromium and adapt executablePath). ${String(error)}`,
      { cause: error },
    );
  }
});

afterAll(async () => {
  await browser.close();
});

interface Visit {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
}

/** Opens `url` in a fresh page, recording every request and every console error or page error. */
async function visit(url: string, screenshot: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: join(screenshots, screenshot), fullPage: true });
  return { page, requests, errors };
}

/** Every visible figure of the page: its name, exact value and text as shown. */
async function figures(page: Page): Promise<Map<string, { value: string; text: string }>> {
  const found = await page.$$eval('[data-figure]', (elements) =>
    elements
      .filter((element) => (element as unknown as { checkVisibility(): boolean }).checkVisibility())
      .map((element) => [
        element.getAttribute('data-figure') ?? '',
        element.getAttribute('data-value') ?? '',
        (element.textContent ?? '').trim(),
      ]),
  );
  return new Map(found.map(([name, value, text]) => [name!, { value: value!, text: text! }]));
}

describe('reports in headless Chromium', () => {
  it('the summary: loads with no error and no request, its figures are the result’s', async () => {
    const url = pathToFileURL(files.report).href;
    const { page, requests, errors } = await visit(url, 'report-summary.png');
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const shown = await figures(page);
    for (const [name, value] of Object.entries(base.totals))
      expect(shown.get(`totals.${name}`)).toEqual({ value, text: money.amount(value) });
    for (const check of base.checks) expect(shown.get(`checks.${check.id}.holds`)?.value).toBe('true');
    for (const d of base.departments) expect(shown.get(`departments.${d.id}.coefficient`)?.value).toBe(d.coefficient);
    // The statement pages are hidden until one is opened.
    expect(shown.has('statement.S1.total')).toBe(false);
    expect(await page.locator('svg[role="img"]').first().isVisible()).toBe(true);
  });

  it('a person’s page (#person-T3): only that statement, each line and the total as in the result', async () => {
    const url = `${pathToFileURL(files.report).href}#person-T3`;
    const { page, requests, errors } = await visit(url, 'report-person-T3.png');
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(files.report).href]);
    const statement = base.statements.find((s) => s.person === 'T3')!;
    const shown = await figures(page);
    expect([...shown.keys()]).toEqual(['statement.T3.total']);
    expect(shown.get('statement.T3.total')).toEqual({ value: statement.total, text: money.amount(statement.total) });
    const lines = await page.$$eval('#person-T3 tbody td[data-value]', (cells) =>
      cells.map((cell) => [cell.getAttribute('data-value'), (cell.textContent ?? '').trim()]),
    );
    expect(lines).toEqual(statement.lines.map((line) => [line.amount, money.amount(line.amount)]));
    expect(await page.locator('#summary').isVisible()).toBe(false);
    // A line opens to the steps that computed it.
    const line = page.locator('#person-T3 details summary').first();
    await line.click();
    expect(await page.locator('#person-T3 details[open] ol.steps li').first().isVisible()).toBe(true);
  });

  it('the what-if: loads with no error and no request, its figures are the comparison’s', async () => {
    const url = pathToFileURL(files.whatIf).href;
    const { page, requests, errors } = await visit(url, 'whatif.png');
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const comparison = compareRuns({ base, proposed });
    const shown = await figures(page);
    for (const total of comparison.totals)
      expect(shown.get(`totals.${total.name}.delta`)).toEqual({ value: total.delta, text: money.signed(total.delta) });
    expect(shown.get('counts.gainers')?.value).toBe(String(comparison.counts.gainers));
    expect(shown.get('counts.losers')?.value).toBe(String(comparison.counts.losers));
    expect(shown.get('pool.base.gini')?.value).toBe(comparison.pool.base.gini);
    expect(shown.get('pool.proposed.gini')?.value).toBe(comparison.pool.proposed.gini);
    expect(await page.locator('#chart-lorenz').isVisible()).toBe(true);
  });
});
