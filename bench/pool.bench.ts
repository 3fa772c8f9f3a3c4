/**
 * The support pool at issue 7's size: 1,000,000 front-line commissions carved at 12 %, and the
 * pool shared among 400,000 back-office people by score (eligibility floor 60), through the
 * public, validated entries. Ids arrive shuffled (a real export is not sorted), and the rows are
 * what `JSON.parse` gives for such an export: objects laid out in memory in file order, as a
 * file, a queue or a database driver delivers them. Session 1 built the rows in id order and then
 * shuffled the array, so that reading them in input order jumped around memory; that layout is
 * still measured, last, for comparison. Each figure is checked to conserve before it is timed.
 */
import { availableParallelism, loadavg } from 'node:os';
import { allocatePool, carvePool } from '../src/index.js';
import { benchSuite, prng } from './harness.js';

const FRONT = 1_000_000;
const BACK = 400_000;

function shuffled<T>(rows: T[], random: () => number): T[] {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as T, rows[i] as T];
  }
  return rows;
}

function frontLine(): { id: string; amount: string }[] {
  const random = prng(1);
  // 0.00–49,999.99 yuan of commission each, written as a ledger would: "12345.67".
  const rows = Array.from({ length: FRONT }, (_, i) => ({
    id: `fl${String(i).padStart(7, '0')}`,
    amount: (Math.floor(random() * 5_000_000) / 100).toFixed(2),
  }));
  return shuffled(rows, random);
}

function backOffice(): { id: string; score: string }[] {
  const random = prng(2);
  // Scores 40.00–100.00, two decimals.
  const rows = Array.from({ length: BACK }, (_, i) => ({
    id: `bo${String(i).padStart(6, '0')}`,
    score: (40 + Math.floor(random() * 6001) / 100).toFixed(2),
  }));
  return shuffled(rows, random);
}

const fen = (text: string): bigint => BigInt(text.replace('.', ''));

// Each task discards its result (`void`): otherwise the harness's loop keeps the previous
// sample's result alive while the next one runs, and the collector marks it again and again.

/**
 * Checks that the carve and the share conserve, and returns the pool. Inside its own function so
 * the two results (a few hundred megabytes) are garbage by the time the timing starts.
 */
function checkedPool(
  carveInput: { currency: string; rate: string; commissions: { id: string; amount: string }[] },
  recipients: { id: string; score: string }[],
): string {
  const carve = carvePool(carveInput);
  if (fen(carve.net) + fen(carve.pool) !== fen(carve.gross)) throw new Error('carve does not conserve');
  const shared = allocatePool({ pool: carve.pool, currency: 'CNY', floor: 60, recipients });
  if (fen(shared.awarded) + fen(shared.unallocated) !== fen(shared.pool))
    throw new Error('allocatePool does not conserve');
  return carve.pool;
}

/** The rows as `JSON.parse` returns them from an export file: allocated in file order. */
const parsed = <T>(rows: T[]): T[] => JSON.parse(JSON.stringify(rows)) as T[];

export default async function run(): Promise<void> {
  const commissions = parsed(frontLine());
  const recipients = parsed(backOffice());
  const carveInput = { currency: 'CNY', rate: '0.12', commissions };
  const shareInput = { pool: checkedPool(carveInput, recipients), currency: 'CNY', floor: 60, recipients };
  const elastic = {
    ...shareInput,
    weighting: { kind: 'elasticity' as const, scoreChange: '0.10', awardChange: '0.15' },
  };

  await benchSuite(
    `support pool: ${FRONT.toLocaleString('en')} commissions carved, pool shared among ${BACK.toLocaleString('en')} people`,
    [
      {
        name: 'carve 1M + share 400k (linear, traces)',
        run: () => void allocatePool({ ...shareInput, pool: carvePool(carveInput).pool }),
        collectBefore: true,
      },
      {
        name: 'carve 1M + share 400k (linear, no per-person trace)',
        run: () =>
          void allocatePool({ ...shareInput, trace: false, pool: carvePool({ ...carveInput, trace: false }).pool }),
        collectBefore: true,
      },
      {
        name: 'carve 1M + share 400k (elasticity 1.4664, traces)',
        run: () => void allocatePool({ ...elastic, pool: carvePool(carveInput).pool }),
        collectBefore: true,
      },
      { name: 'carvePool 1M only', run: () => void carvePool(carveInput), collectBefore: true },
      { name: 'allocatePool 400k only (linear)', run: () => void allocatePool(shareInput), collectBefore: true },
    ],
    3,
  );

  // The machine is shared: also report CPU time (user + system) of the main task, which waiting
  // for a core does not inflate, beside the load average.
  const cpu: number[] = [];
  for (let k = 0; k < 3; k++) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.cpuUsage();
    allocatePool({ ...shareInput, pool: carvePool(carveInput).pool });
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  console.log(
    `\ncarve 1M + share 400k (linear, traces): median CPU time ${(cpu[1] as number).toFixed(0)} ms over 3 runs; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} on ${availableParallelism()} cores`,
  );

  // Session 1's layout: rows built in id order, then the array shuffled (reading them in input
  // order jumps around memory). Built only now, so the tasks above do not carry it in their heap.
  const layout = { commissions: frontLine(), recipients: backOffice() };
  await benchSuite(
    'support pool, rows built in id order then shuffled (session 1 layout)',
    [
      {
        name: 'carve 1M + share 400k (linear, traces)',
        run: () =>
          void allocatePool({
            ...shareInput,
            recipients: layout.recipients,
            pool: carvePool({ ...carveInput, commissions: layout.commissions }).pool,
          }),
        collectBefore: true,
      },
    ],
    3,
  );
}
