/**
 * The architecture check (`npm run lint:arch`): which folder of src/ may import which.
 * docs/architecture.md draws the same arrows. Paths are matched from the folder depcruise runs in,
 * so the test in test/architecture/ can run this file over a fixture tree that breaks a rule.
 */
const MECHANISMS = 'tiers|time|ratings|linkage|interlock|pool|scorecard|draws';

/** A rule forbidding `from` to import anything in src/ but the folders of `allowed`. */
function only(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: `^src/(${from})/` },
    to: { path: '^src/', pathNot: `^src/(${[from, ...allowed].join('|')})/` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file imports itself through others, types included: every arrow points one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    only(
      'core-imports-nothing',
      'core',
      [],
      'core/ holds the primitives and kernels every mechanism uses; it imports no other folder.',
    ),
    only('tiers-on-core', 'tiers', ['core'], 'Tier tables are a primitive (SPEC §2.2): core only.'),
    only('ratings-on-core', 'ratings', ['core'], 'Ratings (SPEC §3.3) need core only.'),
    only('draws-on-core', 'draws', ['core'], 'Draws and guarantees (issue 19) need core only.'),
    only('time-on-tiers', 'time', ['core', 'tiers'], 'Response times (SPEC §3.4) score durations with tier tables.'),
    only(
      'linkage-on-tiers',
      'linkage',
      ['core', 'tiers'],
      'Company coefficients (SPEC §3.1) map achievement through a tier table.',
    ),
    only(
      'interlock-on-tiers',
      'interlock',
      ['core', 'tiers'],
      'Interlocked indicators (SPEC §3.2) score achievement through tier tables.',
    ),
    only(
      'pool-on-tiers',
      'pool',
      ['core', 'tiers'],
      'Commissions (SPEC §3.5) apply rate tables and the base modifier.',
    ),
    only(
      'scorecard-on-tiers',
      'scorecard',
      ['core', 'tiers'],
      'Scorecards (SPEC §3.6) map scores to coefficients through tier tables.',
    ),
    only('period-on-mechanisms', 'period', ['core', MECHANISMS], 'The period run (SPEC §4) composes the mechanisms.'),
    only('whatif-on-period', 'whatif', ['core', 'period'], 'What-ifs and corrections (SPEC §4.1) compare period runs.'),
    only('demo-on-period', 'demo', ['core', 'period'], 'The demo company is a period scenario.'),
    only('report-on-period', 'report', ['core', 'period', 'whatif'], 'Reports render period and what-if results.'),
    {
      name: 'cli-through-the-entries',
      comment: 'The CLI uses the library as its users do: through the public entry points only.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: ['^src/cli/', '^src/index\\.ts$', '^src/report/index\\.ts$'] },
    },
    {
      name: 'nothing-imports-the-cli',
      comment: 'cli/ is the only place with I/O; nothing else depends on it.',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
