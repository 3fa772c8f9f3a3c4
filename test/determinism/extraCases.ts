/** Case sources for mechanisms merged after the first cut of the determinism suite. */
import type { CaseSource } from './cases.js';

export const extraCaseSources: CaseSource[] = [];
