/** Input of `demoScenario`: the size and the seed of the demo company. Every field is optional. */
export interface DemoScenarioInput {
  /** Headcount, 1 … 1,000,000. @defaultValue `5000` */
  readonly people?: number | undefined;
  /** Share of people on the front line, 0 … 1. @defaultValue `0.6` (seed 001) */
  readonly frontShare?: number | undefined;
  /** Commission rows per front-line person in the quarter, 0 … 100. @defaultValue `3` (one a month) */
  readonly commissionsPerFrontPerson?: number | undefined;
  /** Tickets from the front line to the back office in the quarter. @defaultValue 20 per person */
  readonly tickets?: number | undefined;
  /** Peripheral ratings of back-office people by front-line people. @defaultValue 5 per person */
  readonly ratings?: number | undefined;
  /** Revenue facts credited by region and product line. @defaultValue 10 per person */
  readonly revenueFacts?: number | undefined;
  /** Seed of the generator, 0 … 2^31 − 1: the same seed gives the same company. @defaultValue `2026` */
  readonly seed?: number | undefined;
}
