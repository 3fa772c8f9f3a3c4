/**
 * The quick-start demo: `npm run demo`. Until the period run lands it shows a worked allocation:
 * seed 001's support pool of 8,800.00 yuan shared by score-weighted back-office people, to the fen.
 */
import { allocate } from '../src/index.js';

const result = allocate({
  total: '8800.00',
  currency: 'CNY',
  shares: [
    { id: 'tech-wang', weight: '90' },
    { id: 'tech-li', weight: '80' },
    { id: 'tech-zhao', weight: '0' },
  ],
});

console.log(`Pool ${result.total} ${result.currency}, split by support-effectiveness score:`);
for (const part of result.parts) console.log(`  ${part.id.padEnd(10)} weight ${part.weight.padStart(3)}  → ${part.amount.padStart(8)}`);
console.log(`  unallocated            → ${result.unallocated.padStart(8)}`);
const sum = result.parts.reduce((fen, part) => fen + BigInt(part.amount.replace('.', '')), 0n);
console.log(`Σ parts = ${sum} fen = total: ${String(sum === 880000n)}`);
