import { compareIds } from '../core/ids.js';
import { formatMinor, parseMinor } from '../core/money.js';
import { ledgerCheck, type Ledger, type SectionLedger } from './ledgerStage.js';
import { CROSS, wholeRowPath, type ShardScenario } from './shardRoute.js';
import type { StatementsFigures } from './statementsStage.js';
import type {
  CurrencyConversion,
  DepartmentResult,
  Exclusion,
  LedgerSection,
  LedgerUse,
  PeriodDraws,
  PeriodHolds,
  ReconciliationCheck,
} from './types.js';

/**
 * Phase 5 of a sharded run (issue 20 §2; docs/scale.md, "Phases"): the shards' partial figures
 * merged into the whole run's — sums of exact integers, lists merged in their documented orders,
 * row indexes mapped back to the whole scenario — so that the company-level result is printed by
 * the same functions as a run in one piece.
 */

/** Σ of money texts printed with `digits`. */
function sumMoney(texts: readonly string[], digits: number): string {
  let sum = 0n;
  for (const text of texts) sum += parseMinor(text, digits, []);
  return formatMinor(sum, digits);
}

/** The statements' figures of every shard, added up (the pool and what is left of it are the coordinator's). */
export function mergeFigures(
  parts: readonly Omit<StatementsFigures, 'findings'>[],
  pool: { readonly pool: bigint; readonly unallocated: bigint },
  draws: PeriodDraws | null,
): StatementsFigures {
  const rendered = { count: 0, sum: 0n, linesMismatch: 0, interlockLines: { reward: 0n, deduction: 0n } };
  const totals = {
    base: 0n,
    bonus: 0n,
    gross: 0n,
    contribution: 0n,
    pool: pool.pool,
    awards: 0n,
    unallocated: pool.unallocated,
    deductions: 0n,
    draws: { advanced: 0n, toppedUp: 0n, recovered: 0n },
  };
  for (const part of parts) {
    rendered.count += part.rendered.count;
    rendered.sum += part.rendered.sum;
    rendered.linesMismatch += part.rendered.linesMismatch;
    rendered.interlockLines.reward += part.rendered.interlockLines.reward;
    rendered.interlockLines.deduction += part.rendered.interlockLines.deduction;
    for (const key of ['base', 'bonus', 'gross', 'contribution', 'awards', 'deductions'] as const)
      totals[key] += part.totals[key];
    for (const key of ['advanced', 'toppedUp', 'recovered'] as const) totals.draws[key] += part.totals.draws[key];
  }
  return { rendered, totals, draws, findings: { negativeNet: [], absent: new Set() } };
}

/** The draws of every shard: settlements by person id, totals added up. */
export function mergeDraws(parts: readonly (PeriodDraws | null)[], digits: number): PeriodDraws | null {
  const present = parts.filter((part): part is PeriodDraws => part !== null);
  if (present.length === 0) return null;
  const people = present.flatMap((part) => part.people).sort((a, b) => compareIds(a.id, b.id));
  const first = present[0]!.totals as unknown as Record<string, string>;
  const totals: Record<string, string> = {};
  for (const key of Object.keys(first))
    totals[key] = sumMoney(
      present.map((part) => (part.totals as unknown as Record<string, string>)[key]!),
      digits,
    );
  return { people, totals: totals as unknown as PeriodDraws['totals'] };
}

/** The holds of every shard: held and released by id, totals added up. */
export function mergeHolds(parts: readonly (PeriodHolds | null)[], digits: number): PeriodHolds | null {
  const present = parts.filter((part): part is PeriodHolds => part !== null);
  if (present.length === 0) return null;
  const byId = (a: { id: string }, b: { id: string }) => compareIds(a.id, b.id);
  const total = (key: keyof PeriodHolds['totals']) =>
    sumMoney(
      present.map((part) => part.totals[key]),
      digits,
    );
  return {
    held: present.flatMap((part) => part.held).sort(byId),
    released: present.flatMap((part) => part.released).sort(byId),
    totals: {
      opening: total('opening'),
      newlyHeld: total('newlyHeld'),
      released: total('released'),
      closing: total('closing'),
    },
  };
}

/** The conversions of every shard, per list then currency (rows, Σ in the currency, Σ converted added up). */
export function mergeConversions(
  parts: readonly (CurrencyConversion[] | null)[],
  digitsOf: (currency: string) => number,
  digits: number,
): CurrencyConversion[] | null {
  const groups = new Map<string, CurrencyConversion[]>();
  for (const part of parts)
    for (const row of part ?? []) {
      const key = `${row.section === 'commissions' ? 0 : 1}\u0000${row.currency}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(row);
    }
  if (groups.size === 0) return null;
  return [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : 1))
    .map((key) => {
      const rows = groups.get(key)!;
      const { section, currency } = rows[0]!;
      return {
        section,
        currency,
        rows: rows.reduce((sum, row) => sum + row.rows, 0),
        amount: sumMoney(
          rows.map((row) => row.amount),
          digitsOf(currency),
        ),
        converted: sumMoney(
          rows.map((row) => row.converted),
          digits,
        ),
      };
    });
}

/** The departments of every shard, by id. */
export function mergeDepartments(parts: readonly DepartmentResult[][]): DepartmentResult[] {
  return parts.flat().sort((a, b) => compareIds(a.id, b.id));
}

/** One shard's ledger, with the shard's scenario it was built on. */
export interface ShardLedger {
  readonly shard: ShardScenario;
  readonly ledger: Ledger;
}

/**
 * The input ledger of the whole run: the coordinator's sections (the lists its mechanisms read)
 * and the shards' — a routed list's counts added up, a list every shard reads whole used where
 * any shard used a row — in the sections' order; exclusions by section, then row index.
 */
export function mergeLedger(
  order: readonly string[],
  coordinator: ReadonlyMap<string, SectionLedger>,
  shards: readonly ShardLedger[],
): { ledger: LedgerSection[]; exclusions: Exclusion[]; checks: ReconciliationCheck[] } {
  const ledger: LedgerSection[] = [];
  const exclusions: Exclusion[] = [];
  for (const section of order) {
    if ((CROSS as readonly string[]).includes(section)) {
      const own = coordinator.get(section);
      if (own === undefined) continue;
      ledger.push(own.entry);
      for (const exclusion of own.exclusions) exclusions.push(exclusion);
      continue;
    }
    const merged = mergeSection(section, shards);
    if (merged === undefined) continue;
    ledger.push(merged.section);
    for (const exclusion of merged.exclusions) exclusions.push(exclusion);
  }
  return { ledger, exclusions, checks: ledger.map(ledgerCheck) };
}

/** One section merged over the shards (see {@link mergeLedger}). */
function mergeSection(
  name: string,
  shards: readonly ShardLedger[],
): { section: LedgerSection; exclusions: Exclusion[] } | undefined {
  const entries = shards.flatMap(({ shard, ledger }) => {
    const entry = ledger.ledger.find((candidate) => candidate.section === name);
    return entry === undefined ? [] : [{ shard, entry, ledger }];
  });
  if (entries.length === 0) return undefined;
  const broadcast = !entries[0]!.shard.rows.has(entries[0]!.entry.section);
  // Excluded: by every shard for a list every shard reads whole; by its own shard otherwise.
  const excludedBy = new Map<number, { exclusion: Exclusion; count: number }>();
  for (const { shard, ledger } of entries)
    for (const exclusion of ledger.exclusions) {
      if (exclusion.section !== name) continue;
      const { path, index } = wholeRowPath(shard, exclusion.path);
      const seen = excludedBy.get(index);
      if (seen === undefined) excludedBy.set(index, { exclusion: { ...exclusion, path }, count: 1 });
      else seen.count++;
    }
  const exclusions = [...excludedBy]
    .filter(([, { count }]) => !broadcast || count === entries.length)
    .sort(([a], [b]) => a - b)
    .map(([, { exclusion }]) => exclusion);
  const rows = broadcast ? entries[0]!.entry.rows : entries.reduce((sum, { entry }) => sum + entry.rows, 0);
  const uses = entries[0]!.entry.uses === null ? null : mergeUses(entries);
  return {
    section: {
      section: entries[0]!.entry.section,
      rows,
      used: rows - exclusions.length,
      excluded: exclusions.length,
      uses,
    },
    exclusions,
  };
}

/** The used rows' groups of every shard, by what they fed: rows as in the whole scenario, groups by their first row. */
function mergeUses(entries: readonly { shard: ShardScenario; entry: LedgerSection }[]): LedgerUse[] {
  const byInto = new Map<string, Map<number, string>>();
  for (const { shard, entry } of entries) {
    const rows = shard.rows.get(entry.section);
    for (const use of entry.uses ?? []) {
      const group = byInto.get(use.into) ?? byInto.set(use.into, new Map()).get(use.into)!;
      use.rows.forEach((row, k) => group.set(rows === undefined ? row : rows[row]!, use.ids[k]!));
    }
  }
  return [...byInto]
    .map(([into, rows]) => {
      const ordered = [...rows.keys()].sort((a, b) => a - b);
      return { into, rows: ordered, ids: ordered.map((row) => rows.get(row)!) };
    })
    .sort((a, b) => a.rows[0]! - b.rows[0]!);
}
