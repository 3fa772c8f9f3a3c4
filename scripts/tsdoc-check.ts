/**
 * Checks the public surface's documentation: every export of each entry point (`src/index.ts`,
 * `src/folder/index.ts`) has a TSDoc summary,
 * every exported function and class has an `@example`, and every example compiles (examples are
 * type-checked against the sources, `'synergy-pay'` resolved to `src/index.ts`).
 * Used by `test/docs/tsdoc.test.ts`; also runnable: `npx tsx scripts/tsdoc-check.ts`.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface DocProblem {
  readonly name: string;
  readonly problem: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function exampleBlocks(tags: readonly ts.JSDocTagInfo[]): string[] {
  return tags
    .filter((tag) => tag.name === 'example')
    .map((tag) => ts.displayPartsToString(tag.text))
    .map((text) => /```(?:ts|typescript)?\n([\s\S]*?)```/.exec(text)?.[1] ?? text);
}

/** The package's entry points with a public surface. */
const ENTRY_POINTS = ['src/index.ts', 'src/folder/index.ts'];

export function checkTsdoc(): { exports: number; examples: number; problems: DocProblem[] } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    baseUrl: root,
    paths: { 'synergy-pay': ['src/index.ts'], 'synergy-pay/folder': ['src/folder/index.ts'] },
    allowImportingTsExtensions: true,
  };
  const entries = ENTRY_POINTS.map((entry) => join(root, entry));
  const program = ts.createProgram(entries, options);
  const checker = program.getTypeChecker();
  const exported = entries.flatMap((entry) => {
    const source = program.getSourceFile(entry);
    if (source === undefined) throw new Error(`${entry} not found`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`${entry} has no module symbol`);
    return checker.getExportsOfModule(moduleSymbol);
  });

  const problems: DocProblem[] = [];
  const examples = new Map<string, string>();
  for (const alias of exported) {
    const symbol = alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
    const name = alias.getName();
    const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    if (summary === '') problems.push({ name, problem: 'no TSDoc summary' });
    const callable = (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class)) !== 0;
    if (callable) {
      const blocks = exampleBlocks(symbol.getJsDocTags(checker));
      if (blocks.length === 0) problems.push({ name, problem: 'no @example' });
      blocks.forEach((block, i) => examples.set(join(root, `.doc-examples/${name}-${i}.ts`), `export {};\n${block}`));
    }
  }

  if (examples.size > 0) {
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.readFile = (file) => examples.get(file) ?? readFile(file);
    host.fileExists = (file) => examples.has(file) || fileExists(file);
    const exampleProgram = ts.createProgram([...examples.keys()], options, host);
    for (const diagnostic of ts.getPreEmitDiagnostics(exampleProgram)) {
      const file = diagnostic.file?.fileName ?? '';
      if (!examples.has(file)) continue;
      const name = file.slice(file.lastIndexOf('/') + 1).replace(/-\d+\.ts$/, '');
      problems.push({
        name,
        problem: `@example does not compile: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
      });
    }
  }
  return { exports: exported.length, examples: examples.size, problems };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { exports, examples, problems } = checkTsdoc();
  for (const { name, problem } of problems) console.log(`${name}: ${problem}`);
  console.log(`${exports} exports, ${examples} examples, ${problems.length} problems`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
