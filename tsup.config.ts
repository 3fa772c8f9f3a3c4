import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM and CJS with types for both.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // No source maps (issue 16): with sources they were 3.5 MB of a 6.5 MB tarball, and even
    // without `sourcesContent` 1.4 MB pointing at src/ files that are not shipped; the output
    // is unminified, so stack traces read as they are.
    sourcemap: false,
    clean: false,
    treeshake: true,
    target: 'node20',
    splitting: false,
  },
  {
    // The `synergy-pay` executable (ESM; keeps the shebang of src/cli/bin.ts).
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    treeshake: true,
    target: 'node20',
    splitting: false,
  },
]);
