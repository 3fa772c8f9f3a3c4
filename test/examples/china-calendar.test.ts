import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Working hours 09:00–12:00 and 13:00–18:00, Monday to Friday, Asia/Shanghai; holidays and make-up
// days of 2020–2026 from the chinese-days dataset (issue 18 point 6).
describe('examples/china-calendar.ts', () => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'examples/china-calendar.ts'], {
    encoding: 'utf8',
  });
  const lines = output.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());

  it('builds every year 2020–2026 from the dataset, with the official make-up days', () => {
    // 2026: 元旦 2 + 春节 6 + 清明 1 + 劳动节 3 + 端午 1 + 中秋 1 + 国庆 5 = 19 weekdays off.
    expect(lines).toContain(
      '2026: 19 weekday holidays, 6 make-up days (2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10)',
    );
    expect(lines.filter((line) => /^20(2[0-6]): \d+ weekday holidays/.test(line))).toHaveLength(7);
  });

  it('makes a make-up Saturday a working day and a holiday not one', () => {
    expect(lines).toContain('2026-10-10: make-up working day');
    expect(lines).toContain('2026-09-20: make-up working day');
    expect(lines).toContain('2026-10-01: holiday');
    // Q4 on Saturday 10 October counts Monday's hours: 09:30–11:30 = 2 h.
    expect(lines).toContain('Q4 hr resolution 2.00 h → 100.00');
  });

  it('measures tickets across 中秋 and 国庆 in working time', () => {
    // Q1: Fri 18 Sep 17–18 (1 h) + Sat 19 off + make-up Sun 20 (8 h) + Mon 21 09–10 (1 h) = 10 h > 8 h → 80.
    expect(lines).toContain('Q1 it resolution 10.00 h → 80.00');
    // Q2: Thu 24 Sep 17–18 + 中秋 Fri 25 – Sun 27 off + Mon 28 09:00–09:30 = 1.5 h ≤ 2 h → 100.
    expect(lines).toContain('Q2 it response 1.50 h → 100.00');
    // Q3: Wed 30 Sep 1 h + 国庆 1–7 Oct off + Thu 8 Oct 8 h + Fri 9 Oct 1 h = 10 h → 80.
    expect(lines).toContain('Q3 hr resolution 10.00 h → 80.00');
    expect(output).toContain(
      'Q3 counted: 2026-09-30T17:00:00+08:00 → 18:00, 2026-10-08T09:00:00+08:00 → 12:00, 2026-10-08T13:00:00+08:00 → 18:00, 2026-10-09T09:00:00+08:00 → 10:00',
    );
    // Q5: opened on the holiday 2 October; nothing counts until Thu 8 October 09:00 → 1 h.
    expect(lines).toContain('Q5 hr response 1.00 h → 100.00');
  });
});
