import { defineConfig } from 'tsup';
import { pureInitializers } from './scripts/pure-initializers.js';

// No source maps (issue 16): with sources they were 3.5 MB of a 6.5 MB tarball, and even without
// `sourcesContent` 1.4 MB pointing at src/ files that are not shipped; the output is unminified,
// so stack traces read as they are.
const common = { sourcemap: false, clean: false, target: 'node20', splitting: false } as const;

export default defineConfig([
  {
    // ESM, one file per source module (not one bundle): with `"sideEffects": false` a user's
    // bundler drops every module an import does not reach, so `import { allocate }` costs only
    // allocate. The CLI is among them (dist/cli/bin.js), sharing the library's modules.
    ...common,
    entry: ['src/**/*.ts'],
    format: ['esm'],
    bundle: false,
    dts: false,
    // Module-level constants marked `/* @__PURE__ */` (the schemas) droppable as a whole when
    // unused: scripts/pure-initializers.ts.
    esbuildPlugins: [pureInitializers],
  },
  {
    // CommonJS as one bundle (require has no tree-shaking to serve), with its declarations
    // (index.d.cts: the package's types, once; scripts/entries.mjs writes index.d.ts, which
    // re-exports them for the ESM entry).
    ...common,
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: true,
    treeshake: true,
  },
  {
    // `synergy-pay/folder` for require: its own small bundle, with its declarations. The library
    // stays outside it (no second copy): scripts/entries.mjs points its import at dist/index.cjs
    // (and the declarations' at index.d.cts).
    ...common,
    entry: { 'folder/index': 'src/folder/index.ts' },
    format: ['cjs'],
    dts: true,
    treeshake: true,
    external: ['../index.js'],
  },
  {
    // The report entry (`synergy-pay/report`) as its own CommonJS bundle (its declarations: the
    // next item). d3-scale and d3-shape stay external (optional peer dependencies, loaded only by
    // the reports).
    ...common,
    entry: { report: 'src/report/index.ts' },
    format: ['cjs'],
    dts: false,
    treeshake: true,
    external: ['d3-scale', 'd3-shape'],
    // The library code the reports call (compareRuns, moneyFormat, …: public names, every one) is
    // required from the main bundle beside it rather than bundled again: one copy of the library
    // and of its error class for a CommonJS user.
    esbuildPlugins: [
      {
        name: 'report-uses-the-main-bundle',
        setup(build) {
          build.onResolve({ filter: /^\.\.\/(core|period|whatif)\// }, () => ({ path: './index.cjs', external: true }));
        },
      },
    ],
  },
  {
    // The report's declarations (report.d.cts) with the library's types left outside, as the
    // bundle above leaves its code: scripts/entries.mjs points their imports at index.d.cts (a
    // second entry in the CommonJS bundle's declarations would split them into shared chunks).
    ...common,
    entry: { report: 'src/report/index.ts' },
    format: ['cjs'],
    dts: { only: true },
    external: [/^\.\.\/(core|period|whatif)\//],
  },
]);
