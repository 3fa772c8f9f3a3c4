/**
 * The layout of a scenario folder, derived from the scenario's JSON Schema so that no column is
 * listed twice: every list of `org` and `data` is a CSV file named after it (`people.csv`,
 * `commissions.csv`), its columns are the fields of its rows in schema order, and each column's
 * cells are read as the schema expects them (see {@link CellKind}).
 */
import { scenarioJsonSchema } from '../index.js';

/**
 * How a column's cells are read: `text` for a field that accepts a string (ids, dates, decimals —
 * a decimal stays a string, exactly as written), `number` and `boolean` for fields that accept
 * only those, `json` for a nested object or list (a ticket's `pauses`, a revenue fact's
 * `members`), written as JSON in the cell.
 */
export type CellKind = 'text' | 'number' | 'boolean' | 'json';

/** One column of a table. */
export interface Column {
  readonly name: string;
  readonly kind: CellKind;
  /** Whether the field accepts `null` (written as a bare `null`). */
  readonly nullable: boolean;
}

/** One CSV file of a scenario folder: the list `scenario[section][key]`. */
export interface Table {
  readonly section: 'org' | 'data';
  readonly key: string;
  /** `${key}.csv` */
  readonly file: string;
  /** `${key}.ndjson`: the list as NDJSON, one JSON object a line (instead of the CSV file). */
  readonly ndjsonFile: string;
  readonly columns: readonly Column[];
}

/** The JSON files of a folder: the plan, the period, and `scenario.json` for the other top-level fields. */
export const PLAN_FILE = 'plan.json';
export const PERIOD_FILE = 'period.json';
export const SCENARIO_FILE = 'scenario.json';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

/** Every JSON type a schema accepts (`any` when it does not say). */
function typesOf(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  const add = (type: string) => types.add(type === 'integer' ? 'number' : type);
  if (typeof schema.type === 'string') add(schema.type);
  else if (Array.isArray(schema.type)) schema.type.forEach(add);
  if (schema.const !== undefined) add(schema.const === null ? 'null' : typeof schema.const);
  for (const value of schema.enum ?? []) add(value === null ? 'null' : typeof value);
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) for (const type of typesOf(part)) add(type);
  if (types.size === 0) add('any');
  return types;
}

function columnOf(name: string, schema: JsonSchema): Column {
  const types = typesOf(schema);
  const kind: CellKind = types.has('string')
    ? 'text'
    : types.has('object') || types.has('array') || types.has('any')
      ? 'json'
      : types.has('number')
        ? 'number'
        : types.has('boolean')
          ? 'boolean'
          : 'json';
  return { name, kind, nullable: types.has('null') };
}

/** The fields of a row schema (of every form of a union), in schema order. */
function rowColumns(row: JsonSchema): Column[] {
  const columns = new Map<string, Column>();
  for (const form of [row, ...(row.anyOf ?? []), ...(row.oneOf ?? [])])
    for (const [name, field] of Object.entries(form.properties ?? {}))
      if (!columns.has(name)) columns.set(name, columnOf(name, field));
  return [...columns.values()];
}

let tables: readonly Table[] | undefined;

/** The tables of a scenario folder, in schema order (`org` first, then `data`). */
export function scenarioTables(): readonly Table[] {
  if (tables !== undefined) return tables;
  const schema = scenarioJsonSchema() as JsonSchema;
  const found: Table[] = [];
  for (const section of ['org', 'data'] as const)
    for (const [key, list] of Object.entries(schema.properties?.[section]?.properties ?? {}))
      if (list.items !== undefined)
        found.push({
          section,
          key,
          file: `${key}.csv`,
          ndjsonFile: `${key}.ndjson`,
          columns: rowColumns(list.items),
        });
  tables = found;
  return found;
}
