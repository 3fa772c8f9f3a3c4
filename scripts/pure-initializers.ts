// An esbuild plugin for the ESM build (tsup.config.ts): a module-level constant whose initializer
// the source marks `/* @__PURE__ */` is emitted as `/* @__PURE__ */ (() => initializer)()`, so that
// a user's bundler drops the whole initializer when the constant is not used (issue 16).
//
// Why: the annotation covers one call, not the calls inside its arguments. In
//     export const carvePoolInputSchema = /* @__PURE__ */ shaped<CarvePoolInput>()(
//       z.strictObject({ rate: decimalSchema, commissions: z.array(commissionRowSchema).check(…) }));
// the outer call is pure but `z.strictObject(…)`, `z.array(…).check(…)` and any `...spread` are
// not (esbuild does not carry zod's `@__NO_SIDE_EFFECTS__` across modules: evanw/esbuild#4369), so
// every bundle that reaches the module kept every such schema — runPeriod's kept the input schemas
// of allocate, carvePool, tierScore, … that it never calls. Wrapped, the pure call is the arrow's,
// whose body runs only when called. Nothing changes at run time: the arrow is called at once, where
// the initializer ran; a minifier inlines it back (the used constants cost no byte more).
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

const PURE = /\/\*\s*[@#]__PURE__\s*\*\/\s*$/;

/**
 * `source` (a TypeScript module) with each module-level `const` initializer that follows a
 * `/* @__PURE__ *\/` comment wrapped in an immediately called arrow. Only top-level `const`
 * declarations: a `let` may be reassigned, and code inside functions runs when called anyway.
 */
export function wrapPureInitializers(source: string, fileName = 'module.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number }[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const initializer = declaration.initializer;
      if (initializer === undefined) continue;
      if (!PURE.test(source.slice(initializer.getFullStart(), initializer.getStart(file)))) continue;
      edits.push({ start: initializer.getStart(file), end: initializer.getEnd() });
    }
  }
  let text = source;
  for (const { start, end } of edits.reverse()) {
    text = `${text.slice(0, start)}(() => (${text.slice(start, end)}))()${text.slice(end)}`;
  }
  return text;
}

/** The plugin: every .ts file under src/ goes through {@link wrapPureInitializers}. */
export const pureInitializers: Plugin = {
  name: 'pure-initializers',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: wrapPureInitializers(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
