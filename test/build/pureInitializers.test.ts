/**
 * The ESM build's transform (scripts/pure-initializers.ts, issue 16): a module-level constant marked
 * `/* @__PURE__ *\/` is wrapped whole, so that a bundler drops an unused schema with everything its
 * initializer calls, and keeps a used one byte for byte.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { wrapPureInitializers } from '../../scripts/pure-initializers.js';

const root = resolve(import.meta.dirname, '../..');

describe('wrapPureInitializers', () => {
  it('wraps a marked module-level const initializer in an arrow called at once', () => {
    const source = 'export const a = /* @__PURE__ */ shaped<A>()(z.strictObject({ x: z.string() }));\n';
    expect(wrapPureInitializers(source)).toBe(
      'export const a = /* @__PURE__ */ (() => (shaped<A>()(z.strictObject({ x: z.string() }))))();\n',
    );
  });

  it('keeps an object literal an expression (not an arrow body block)', () => {
    expect(wrapPureInitializers('const fields = /* @__PURE__ */ { a: z.string() };')).toBe(
      'const fields = /* @__PURE__ */ (() => ({ a: z.string() }))();',
    );
  });

  it('leaves unmarked constants, `let`, and code inside functions as they are', () => {
    const source = [
      'const plain = z.string();',
      'let later = /* @__PURE__ */ z.string();',
      'function inside() { const local = /* @__PURE__ */ z.string(); return local; }',
      'const typed: Schema<A> = /* @__PURE__ */ make(), other = make();',
    ].join('\n');
    expect(wrapPureInitializers(source)).toBe(
      [
        'const plain = z.string();',
        'let later = /* @__PURE__ */ z.string();',
        'function inside() { const local = /* @__PURE__ */ z.string(); return local; }',
        'const typed: Schema<A> = /* @__PURE__ */ (() => (make()))(), other = make();',
      ].join('\n'),
    );
  });
});

/** The minified bundle of `import { used } from <module>`, the module's text as given. */
async function bundleOfUsed(module: string): Promise<string> {
  const result = await build({
    stdin: { contents: module, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('what a bundler makes of it', () => {
  const module = [
    "import * as z from 'zod/mini';",
    'export const used = /* @__PURE__ */ z.strictObject({ keptField: z.optional(z.string()) });',
    'const unused = /* @__PURE__ */ z.strictObject({ droppedField: z.array(z.string()).check(z.minLength(1)) });',
    'export function check(value: unknown) { return used.safeParse(value).success; }',
  ].join('\n');

  it('keeps an unused schema whose initializer calls more than the marked call (the reason for the transform)', async () => {
    expect(await bundleOfUsed(module)).toContain('droppedField');
  });

  it('drops the unused schema once wrapped, and keeps the used one as small as before', async () => {
    const [plain, wrapped] = await Promise.all([bundleOfUsed(module), bundleOfUsed(wrapPureInitializers(module))]);
    expect(wrapped).not.toContain('droppedField');
    expect(wrapped).toContain('keptField');
    const withoutUnused = module.replace(/^const unused.*$/m, '');
    expect(wrapped.length).toBe((await bundleOfUsed(withoutUnused)).length);
    expect(wrapped.length).toBeLessThan(plain.length);
  });
});
