/**
 * Writes `docs/errors.md` from the error catalogue (`npx tsx scripts/error-docs.ts`), so the page
 * never drifts from the code; `test/docs/errors.test.ts` fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCatalogue } from '../src/core/codes.js';

export function errorPage(): string {
  const rows = Object.entries(errorCatalogue).map(
    ([code, meaning]) => `| \`${code}\` | ${meaning.replaceAll('|', '\\|')} |`,
  );
  return `---
title: Error catalogue
---

# Error catalogue

Every bad input raises one error class, \`SynergyPayError\`, with a stable \`code\` and a list of
\`issues\`, each with its own \`code\`, the \`path\` of the bad field (keys and array indexes from the
root of the input) and a \`message\`. When all issues share a code the error carries it; otherwise
its code is \`INVALID_INPUT\`. Codes are stable; messages may be reworded.

\`\`\`ts
import { allocate, SynergyPayError } from 'synergy-pay';

try {
  allocate({ total: '8800.005', currency: 'CNY', shares: [{ id: 'a', weight: 1 }] });
} catch (error) {
  if (error instanceof SynergyPayError) {
    error.code; // 'INVALID_AMOUNT'
    error.issues; // [{ code: 'INVALID_AMOUNT', path: ['total'], message: '8800.005 has more than 2 decimals, …' }]
  }
}
\`\`\`

**Across builds.** One process can load both builds of synergy-pay — one dependency \`require\`s it
(CommonJS), another \`import\`s it (ESM) — and each build has its own copy of the class. Every
error carries a brand on \`Symbol.for('synergy-pay.error')\`, and \`instanceof SynergyPayError\`,
\`isSynergyPayError(error)\` and \`SynergyPayError.is(error)\` all test that brand, so an error
thrown by one build is recognised by code that imported the other. Subclasses keep the ordinary
\`instanceof\`.

\`\`\`ts
import { allocate, isSynergyPayError } from 'synergy-pay';

try {
  allocate({ total: '10.00', currency: 'CNY', shares: [{ id: 'a', weight: -1 }] });
} catch (error) {
  if (isSynergyPayError(error)) error.code; // 'NEGATIVE_VALUE', whichever build threw it
}
\`\`\`

| code | meaning |
|---|---|
${rows.join('\n')}
`;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(join(root, 'docs/errors.md'), errorPage());
  console.log('docs/errors.md written');
}
