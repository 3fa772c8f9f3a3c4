/**
 * The built declarations as a consumer's compiler reads them (issue 16): the types are shipped once
 * (dist/index.d.cts; index.d.ts re-exports it, and so do report.d.ts and folder/index.d.ts), so
 * every resolution mode must still reach them, with the library's checks on (`skipLibCheck`
 * false, the consumer's own file and the package's declaration files checked). attw passes the reverse layout too (a full index.d.ts that index.d.cts re-exports), yet a
 * CommonJS consumer under `node16` then fails with TS1479: this test is the one that tells. Needs a
 * build first (`npm run test:budgets`, after `npm run build`).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

// Every entry, a value and a type from each, a class extended, and one line that must not compile
// (so that types silently turned `any` fail the test).
const consumer = `
import { allocate, runPeriod, SynergyPayError, isSynergyPayError, type AllocateInput, type RunPeriodResult } from 'synergy-pay';
import { renderReport, type ReportOptions } from 'synergy-pay/report';
import { readScenarioFolder } from 'synergy-pay/folder';
const input: AllocateInput = { total: '1.00', currency: 'CNY', shares: [{ id: 'a', weight: 1 }] };
export const first: string | undefined = allocate(input).parts[0]?.amount;
// @ts-expect-error parts is no number
export const wrong: number = allocate(input).parts;
const options: ReportOptions = { locale: 'zh-CN' };
export const html: string = renderReport(runPeriod(readScenarioFolder('x')) satisfies RunPeriodResult, options);
export function codeOf(error: unknown): string {
  if (error instanceof SynergyPayError) return error.code;
  return isSynergyPayError(error) ? error.code : '';
}
export class PlanError extends SynergyPayError {}
`;

/** [mode, module, moduleResolution, file extension (the consumer's own module kind)] */
const { ModuleKind, ModuleResolutionKind } = ts;
const modes = [
  ['bundler', ModuleKind.ESNext, ModuleResolutionKind.Bundler, 'ts'],
  ['node16, an ES module', ModuleKind.Node16, ModuleResolutionKind.Node16, 'mts'],
  ['node16, a CommonJS module', ModuleKind.Node16, ModuleResolutionKind.Node16, 'cts'],
  ['nodenext, an ES module', ModuleKind.NodeNext, ModuleResolutionKind.NodeNext, 'mts'],
  ['nodenext, a CommonJS module', ModuleKind.NodeNext, ModuleResolutionKind.NodeNext, 'cts'],
  ['node10', ModuleKind.CommonJS, ModuleResolutionKind.Node10, 'ts'],
] as const;

const work = mkdtempSync(join(tmpdir(), 'synergy-consumer-'));
mkdirSync(join(work, 'node_modules'));
symlinkSync(root, join(work, 'node_modules', 'synergy-pay'), 'junction');
// The package's dist/ as the compiler names it: through the link, or (symlinks resolved) in place.
const dist = join(root, 'dist');
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
afterAll(() => {
  rmSync(join(work, 'node_modules', 'synergy-pay'), { force: true }); // the link only, never its target
  rmSync(work, { recursive: true, force: true });
});

/**
 * The diagnostics of the consumer file and of every declaration file of the package it reaches,
 * and the package's declaration files read, in one resolution mode. Checked in process with the
 * compiler API, so that only these files are checked (not all of @types/node, which `tsc` with
 * lib checking on would check too, at six times the cost).
 */
function compile(slug: string, options: ts.CompilerOptions, extension: string) {
  const file = join(work, `${slug}.${extension}`);
  writeFileSync(file, consumer);
  const program = ts.createProgram({ rootNames: [file], options });
  const ours = program
    .getSourceFiles()
    .filter((source) => source.fileName === file || source.fileName.startsWith(`${dist}/`));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ours.flatMap((source) => [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ]),
  ];
  const text = diagnostics.map((diagnostic) => ts.formatDiagnostic(diagnostic, host));
  return {
    errors: text,
    read: ours.map((source) => source.fileName.slice(dist.length + 1)).filter(Boolean),
    docOf: (name: string) => hoverDoc(program, file, name),
  };
}

/** The TSDoc an editor shows on hovering `name` where the consumer file imports it. */
function hoverDoc(program: ts.Program, file: string, name: string): string {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) && node.name.text === name) found.push(node.name);
    ts.forEachChild(node, visit);
  };
  if (source !== undefined) visit(source);
  const symbol = found[0] === undefined ? undefined : checker.getSymbolAtLocation(found[0]);
  if (symbol === undefined) return '';
  return ts.displayPartsToString(checker.getAliasedSymbol(symbol).getDocumentationComment(checker));
}

const host: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => work,
  getNewLine: () => '\n',
};

describe('a consumer type-checks the package in every resolution mode', () => {
  it.each(modes)('%s', (mode, module, moduleResolution, extension) => {
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module,
      moduleResolution,
      types: ['node'],
      typeRoots: [join(root, 'node_modules', '@types')],
    };
    const { errors, read, docOf } = compile(mode.replace(/\W+/g, '-'), options, extension);
    expect(errors).toEqual([]);
    // Hovers show the TSDoc through the re-exports.
    expect(docOf('allocate')).toMatch(/largest remainder/i);
    expect(docOf('renderReport')).not.toBe('');
    // The full declarations are read from index.d.cts, whichever entry file resolution starts at.
    expect(read).toContain('index.d.cts');
    expect(read.filter((name) => name.endsWith('.d.ts')).length).toBe(
      extension === 'cts' || moduleResolution === ts.ModuleResolutionKind.Node10 ? 0 : 3,
    );
  });
});

describe('the declarations are shipped once', () => {
  it.each([
    ['dist/index.d.ts', "export * from './index.cjs';\n"],
    ['dist/report.d.ts', "export * from './report.cjs';\n"],
    ['dist/folder/index.d.ts', "export * from './index.cjs';\n"],
  ])('%s re-exports the CommonJS declarations beside it', (file, text) => {
    expect(readFileSync(join(root, file), 'utf8')).toBe(text);
  });

  it.each(['dist/report.d.cts', 'dist/folder/index.d.cts'])(
    '%s imports the library types from the root declarations instead of copying them',
    (file) => {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text).toMatch(/^import \{[^}]*\bRunPeriod(Result|Input)\b[^}]*\} from '(\.\.\/|\.\/)index\.cjs';$/m);
      expect(text).not.toMatch(/\binterface (RunPeriodResult|RunPeriodInput|PayStatement|TraceStep)\b/);
    },
  );
});
