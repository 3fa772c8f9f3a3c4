// `synergy-pay/folder` for require and its declarations (tsup builds dist/folder/index.cjs and
// index.d.cts with the library's entry left outside): point their import of the library at the
// package's root build of the same module kind — index.cjs / index.d.cts for require, index.d.ts
// for import — and write the ESM declarations (index.d.ts) beside the CommonJS ones. Run by
// `npm run build`, after tsup.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const folder = join(resolve(import.meta.dirname, '..'), 'dist', 'folder');

/** `text` with every match of `pattern` replaced; refuses to do nothing (tsup's output changed). */
function repoint(file, text, pattern, replacement) {
  if (!pattern.test(text)) throw new Error(`${file} no longer imports the library entry as expected: check tsup`);
  return text.replace(pattern, replacement);
}

const code = readFileSync(join(folder, 'index.cjs'), 'utf8');
writeFileSync(
  join(folder, 'index.cjs'),
  repoint('index.cjs', code, /require\('\.\.\/index\.js'\)/g, "require('../index.cjs')"),
);
const types = readFileSync(join(folder, 'index.d.cts'), 'utf8');
const entry = /from '(\.\.\/)+index\.js'/g;
writeFileSync(join(folder, 'index.d.cts'), repoint('index.d.cts', types, entry, "from '../index.cjs'"));
writeFileSync(join(folder, 'index.d.ts'), repoint('index.d.ts', types, entry, "from '../index.js'"));
