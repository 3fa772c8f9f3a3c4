/** The inputs (each checked against its schema in schema.ts) and results of the working-time mechanisms. */
import type { DecimalInput } from '../core/decimalInput.js';
import type { RoundingInput } from '../core/rounding.js';
import type { TraceStep } from '../core/trace.js';
import type { TierTable } from '../tiers/schema.js';

/** One working interval of a day, in local wall-clock time: `[start, end)`, e.g. 09:00–12:00. */
export interface WorkingInterval {
  /** Local time the interval starts (inclusive), `HH:mm` or `HH:mm:ss`. */
  start: string;
  /** Local time the interval ends (exclusive), after `start`; `24:00` is the end of the day. */
  end: string;
}

/**
 * Weekly working hours by local weekday. A weekday left out (or given `[]`) is not worked.
 * Intervals of one day must not overlap (touching, like 12:00 and 12:00, is fine).
 */
export interface WorkWeek {
  /** Monday's working intervals. */
  mon?: WorkingInterval[] | undefined;
  /** Tuesday's. */
  tue?: WorkingInterval[] | undefined;
  /** Wednesday's. */
  wed?: WorkingInterval[] | undefined;
  /** Thursday's. */
  thu?: WorkingInterval[] | undefined;
  /** Friday's. */
  fri?: WorkingInterval[] | undefined;
  /** Saturday's. */
  sat?: WorkingInterval[] | undefined;
  /** Sunday's. */
  sun?: WorkingInterval[] | undefined;
}

/**
 * A working calendar (SPEC §2.3): an IANA time zone, weekly working hours, holidays and make-up
 * working days [调休], all in the calendar's local time.
 */
export interface CalendarInput {
  /** IANA time zone of the calendar's local times and dates (`"Asia/Shanghai"`). @defaultValue `"UTC"` */
  timeZone?: string | undefined;
  /** Weekly working hours; when omitted every day is worked 00:00–24:00 (24×7). @defaultValue 24×7 */
  week?: WorkWeek | undefined;
  /** Local dates (`YYYY-MM-DD`) on which nobody works, whatever the weekday. @defaultValue `[]` */
  holidays?: string[] | undefined;
  /** Local dates worked although their weekday is not (make-up days [调休]), never holidays. @defaultValue `[]` */
  makeUpDays?: string[] | undefined;
  /** Working hours on make-up days. @defaultValue Monday's (else the first worked weekday's) */
  makeUpHours?: WorkingInterval[] | undefined;
}

/** A pause `[start, end)` (waiting on the customer, …): working time inside it does not count. */
export interface Pause {
  /** Instant the pause starts, ISO 8601 with offset. */
  start: string;
  /** Instant the pause ends, not before `start`. */
  end: string;
}

/** Input of `businessDuration`. */
export interface BusinessDurationInput {
  /** First instant, ISO 8601 with an offset (`2026-03-06T17:30:00+08:00`). */
  start: string;
  /** Last instant, not before `start` (`DATES_OUT_OF_ORDER` otherwise). */
  end: string;
  /** The working calendar. @defaultValue 24×7 in UTC */
  calendar?: CalendarInput | undefined;
  /** Pauses not counted; they may overlap each other and reach outside `[start, end]`. @defaultValue `[]` */
  pauses?: Pause[] | undefined;
  /** Whether to list the counted intervals; turn off when only the total is needed. @defaultValue `true` */
  intervals?: boolean | undefined;
}

/** One counted piece of working time, formatted in the calendar's local time. */
export interface CountedInterval {
  /** Local start with offset, e.g. `2026-03-09T09:00:00+08:00`. */
  readonly start: string;
  /** Local end with offset (exclusive). */
  readonly end: string;
  /** Its length in milliseconds. */
  readonly milliseconds: number;
}

/** Result of `businessDuration`. */
export interface BusinessDurationResult {
  /** Working time in `[start, end)` outside the pauses, in whole milliseconds. */
  readonly milliseconds: number;
  /** Wall-clock time `end − start` in milliseconds (never less than `milliseconds`). */
  readonly wallClockMilliseconds: number;
  /** Working time that the pauses removed, in milliseconds. */
  readonly pausedMilliseconds: number;
  /** The calendar's time zone, as `Intl` resolved it. */
  readonly timeZone: string;
  /** The counted intervals in local time with offsets, in order; `null` when `intervals: false`. */
  readonly intervals: CountedInterval[] | null;
  /** How the figure was derived. */
  readonly trace: TraceStep[];
}

/** One ticket: a request from the front line that a back-office unit must answer and resolve. */
export interface TicketInput {
  /** Unique ticket id. */
  id: string;
  /** Id of the unit that owns the ticket (scores are given per unit). */
  unit: string;
  /** Instant the ticket was opened, ISO 8601 with offset; not after `asOf`. */
  opened: string;
  /** Instant of the first response; `null` while unanswered (a resolution then answers). @defaultValue `null` */
  responded?: string | null | undefined;
  /** Instant the ticket was resolved; absent or `null` while open (measured to `asOf`). @defaultValue `null` */
  resolved?: string | null | undefined;
  /** Pauses (waiting on the customer) whose working time counts for neither metric. @defaultValue `[]` */
  pauses?: Pause[] | undefined; /**
   * The unit that raised the ticket (a front-line department in the period run, whose
   * `supportReceived` scorecard leaf weighs the serving units by it); not read by the scoring.
   * @defaultValue none
   */
  requester?: string | undefined;
}

/** When an elastic condition applies: the unit has more than `count` tickets in the period. */
export interface TicketsAbove {
  /** The kind of condition. */
  kind: 'ticketsAbove';
  /** The number of tickets the unit must exceed (an integer ≥ 0). */
  count: number;
}

/** A declared condition under which a metric's tier table is scaled [弹性指标, seed 004]. */
export interface ElasticConditionInput {
  /** Name of the condition, reported in the result when it applies (e.g. `"demand-surge"`). */
  id: string;
  /** When it applies. */
  when: TicketsAbove;
  /** Factor every bound of the table is multiplied by (> 0; 24 h → 48 h is `2`). */
  factor: DecimalInput;
}

/** One scored metric: its tier table (a duration table), elastic conditions and breach rule. */
export interface ResponseMetricInput {
  /** A duration tier table (`unit: 'duration'`, `lowerIsBetter`): bounds in minutes or `Duration`s. */
  table: TierTable;
  /** Conditions that scale the bounds; the first a unit meets (in this order) applies. @defaultValue `[]` */
  elastic?: ElasticConditionInput[] | undefined;
  /** Tickets in this band or a worse one are breaches (0 = the first band). @defaultValue the last (open) band */
  breachFromBand?: number | undefined;
}

/** Input of `scoreResponseTimes`. */
export interface ScoreResponseTimesInput {
  /** End of the period: open tickets are measured up to this instant; later events are ignored. */
  asOf: string;
  /** The working calendar the times are measured on. @defaultValue 24×7 in UTC */
  calendar?: CalendarInput | undefined;
  /** The tickets; ids must be unique. */
  tickets: TicketInput[];
  /** Time to first response, opened → responded. At least one metric is required. */
  response?: ResponseMetricInput | undefined;
  /** Time to resolution, opened → resolved. */
  resolution?: ResponseMetricInput | undefined;
  /** Whether to list every ticket's measures and scores (ordered by id). @defaultValue `false` */
  detail?: boolean | undefined;
  /** Rounding of scores (`scoreDecimals`) and shares (`coefficientDecimals`). @defaultValue half-up, 2, 4 */
  rounding?: RoundingInput | undefined;
}

/** The two measured metrics. */
export type ResponseMetric = 'response' | 'resolution';

/** The elastic condition that scaled a unit's table. */
export interface AppliedCondition {
  /** The condition's `id` as declared. */
  readonly id: string;
  /** The factor the bounds were multiplied by, as given. */
  readonly factor: string;
}

/** How many of a unit's tickets fell in one band. */
export interface BandCount {
  /** Band index, 0 = best. */
  readonly band: number;
  /** The band's label, or `null`. */
  readonly label: string | null;
  /** The band's bound on the table applied (scaled by an elastic condition), e.g. `"48 h"`; `null` on the last band. */
  readonly bound: string | null;
  /** The band's score, rounded to `scoreDecimals`. */
  readonly score: string;
  /** Tickets in the band. */
  readonly count: number;
}

/** One metric of one unit. */
export interface MetricSummary {
  /** Tickets measured (every ticket of the unit). */
  readonly tickets: number;
  /** Of those, measured up to `asOf` because the event had not happened by then. */
  readonly open: number;
  /** Mean ticket score, rounded to `scoreDecimals`. */
  readonly meanScore: string;
  /** Tickets per band, every band listed (best first). */
  readonly bands: BandCount[];
  /** Tickets in the breach bands (`breachFromBand` and worse). */
  readonly breaches: number;
  /** Share of tickets in the first band, rounded to `coefficientDecimals`. */
  readonly withinFirstBand: string;
  /** The elastic condition that scaled the table for this unit, or `null`. */
  readonly condition: AppliedCondition | null;
  /** How the figures were derived. */
  readonly trace: TraceStep[];
}

/** The scores of one unit. */
export interface UnitResponseTimes {
  /** The unit's id. */
  readonly unit: string;
  /** Its tickets. */
  readonly tickets: number;
  /** `null` when the input has no `response` metric. */
  readonly response: MetricSummary | null;
  /** `null` when the input has no `resolution` metric. */
  readonly resolution: MetricSummary | null;
}

/** One ticket's measure on one metric. */
export interface TicketMeasure {
  /** Working time in milliseconds (pauses excluded). */
  readonly milliseconds: number;
  /** Whether the event had not happened by `asOf` (measured up to `asOf`). */
  readonly open: boolean;
  /** The band the ticket fell in, 0 = best. */
  readonly band: number;
  /** That band's label, or `null`. */
  readonly label: string | null;
  /** The ticket's score, rounded to `scoreDecimals`. */
  readonly score: string;
}

/** Per-ticket detail (with `detail: true`). */
export interface TicketDetail {
  /** The ticket's id. */
  readonly id: string;
  /** Its unit. */
  readonly unit: string;
  /** Its response measure, or `null` without a `response` metric. */
  readonly response: TicketMeasure | null;
  /** Its resolution measure, or `null` without a `resolution` metric. */
  readonly resolution: TicketMeasure | null;
}

/** Result of `scoreResponseTimes`. */
export interface ResponseTimesResult {
  /** The end of the period, as given. */
  readonly asOf: string;
  /** The calendar's time zone, as `Intl` resolved it. */
  readonly timeZone: string;
  /** One row per unit, ordered by unit id. */
  readonly units: UnitResponseTimes[];
  /** Every ticket ordered by id, or `null` unless `detail: true`. */
  readonly tickets: TicketDetail[] | null;
  /** How the figures were derived. */
  readonly trace: TraceStep[];
}
