// The entry points' files after tsup (run by `npm run build`). tsup writes the CommonJS bundles
// with their declarations (index.d.cts, report.d.cts, folder/index.d.cts), each with the library's
// entry left outside where it is used; this script
//
//  - points synergy-pay/folder's CommonJS bundle at the root bundle (dist/index.cjs): one copy of
//    the library and of its error class for a CommonJS user;
//  - points the report's and the folder's declarations at the root's (index.d.cts): they import the
//    library's types instead of inlining copies of them;
//  - writes each entry's ESM declarations (index.d.ts, report.d.ts, folder/index.d.ts) as one line,
//    `export * from './index.cjs'`: the types are shipped once (issue 16). An ESM file may import
//    a CommonJS one, in TypeScript as in Node, so this holds in every resolution mode; the reverse
//    (a full index.d.ts re-exported by index.d.cts) fails a CommonJS consumer under `node16`
//    (TS1479: a require of an ES module). test-package/consumer-types.test.ts checks every mode.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = join(resolve(import.meta.dirname, '..'), 'dist');

/** `text` with every match of `pattern` replaced; refuses to do nothing (tsup's output changed). */
function repoint(file, text, pattern, replacement) {
  if (!pattern.test(text)) throw new Error(`${file} no longer imports the library as expected: check tsup`);
  return text.replace(pattern, replacement);
}

/** The names a declaration file exports (its closing `export { … }` lists), `type` markers dropped. */
function exportedNames(text) {
  const lists = [...text.matchAll(/^export \{([^}]*)\};?$/gm)].map((match) => match[1]);
  return new Set(
    lists.flatMap((list) =>
      list
        .split(',')
        .map((item) => item.trim().replace(/^type /, ''))
        .map((item) => item.split(/\s+as\s+/).at(-1))
        .filter(Boolean),
    ),
  );
}

/** Refuses an import from the root's declarations of a name they do not export. */
function checkImports(file, text, rootNames) {
  for (const [, list] of text.matchAll(/^import \{([^}]*)\} from '(?:\.\.\/|\.\/)index\.cjs';$/gm)) {
    for (const name of list.split(',').map(
      (item) =>
        item
          .trim()
          .replace(/^type /, '')
          .split(/\s+as\s+/)[0],
    )) {
      if (name !== '' && !rootNames.has(name))
        throw new Error(`${file} imports ${name}, which dist/index.d.cts does not export: make it public or inline it`);
    }
  }
}

const read = (file) => readFileSync(join(dist, file), 'utf8');
const write = (file, text) => writeFileSync(join(dist, file), text);
const reexport = (from) => `export * from '${from}';\n`;
const rootNames = exportedNames(read('index.d.cts'));

/** A declaration file's imports repointed at the main entry's declarations, each name checked public. */
function repointTypes(file, pattern, replacement) {
  const types = repoint(file, read(file), pattern, replacement);
  checkImports(file, types, rootNames);
  write(file, types);
}

const folderCode = read('folder/index.cjs');
write(
  'folder/index.cjs',
  repoint('folder/index.cjs', folderCode, /require\('\.\.\/index\.js'\)/g, "require('../index.cjs')"),
);
repointTypes('folder/index.d.cts', /from '(\.\.\/)+index\.js'/g, "from '../index.cjs'");

// The report's declarations keep src/report's imports of ../core, ../period and ../whatif (tsup.config.ts).
repointTypes('report.d.cts', /from '\.\.\/(core|period|whatif)\/[\w/]+\.js'/g, "from './index.cjs'");

write('index.d.ts', reexport('./index.cjs'));
write('report.d.ts', reexport('./report.cjs'));
write('folder/index.d.ts', reexport('./index.cjs'));
