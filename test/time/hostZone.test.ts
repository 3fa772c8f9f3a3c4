import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface ChildReport {
  hostZone: string;
  julyOffsetMinutes: number;
  examples: unknown[];
  sample: number[];
  mismatches: number;
}

function runUnder(timeZone: string): ChildReport {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'test/time/hostZone.child.ts'], {
    env: { ...process.env, TZ: timeZone },
    encoding: 'utf8',
  });
  return JSON.parse(output) as ChildReport;
}

describe('businessDuration does not depend on the host time zone', () => {
  it('gives identical, oracle-checked results under TZ=UTC, Asia/Shanghai and America/New_York', () => {
    const reports = ['UTC', 'Asia/Shanghai', 'America/New_York'].map((zone) => ({ zone, report: runUnder(zone) }));
    // The TZ really took effect in each child (UTC 0, Shanghai −480, New York +240 in July).
    expect(reports.map(({ report }) => report.julyOffsetMinutes)).toEqual([0, -480, 240]);
    for (const { report } of reports) {
      expect(report.mismatches).toBe(0);
      expect(report.sample).toHaveLength(400);
      expect((report.examples[0] as { milliseconds: number }).milliseconds).toBe(75 * 60_000);
    }
    expect(reports[1]!.report.examples).toEqual(reports[0]!.report.examples);
    expect(reports[2]!.report.examples).toEqual(reports[0]!.report.examples);
    expect(reports[1]!.report.sample).toEqual(reports[0]!.report.sample);
    expect(reports[2]!.report.sample).toEqual(reports[0]!.report.sample);
  });
});
