import { defineConfig } from 'vitest/config';

// Tests of the built package (dist/), run after `npm run build`: `npm run test:budgets`.
export default defineConfig({
  test: {
    include: ['test-package/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
