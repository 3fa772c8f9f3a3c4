import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM and CJS with types for both.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
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
    sourcemap: true,
    clean: false,
    treeshake: true,
    target: 'node20',
    splitting: false,
  },
]);
