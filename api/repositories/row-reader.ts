/**
 * A joined page's rows read straight from the driver's rows: the session lists' hot path.
 * Drizzle maps every selected field of every row through one generic loop (entity checks and an
 * iterator per column): on a page of 20 sessions with their experts it was the largest single
 * cost of the REST list under `npm run bench` (BENCHMARKS.md, 2026-12-04). Here each table's
 * columns are selected under a prefix (`s_id`, `u_id`: joined tables share column names) and
 * read back with the columns' own decoders, resolved once per table.
 */
import { getTableColumns, sql, type Column, type InferSelectModel, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** The table's columns as select fields, each aliased `${prefix}${column name}`. */
export function prefixedColumns(table: PgTable, prefix: string): Record<string, SQL.Aliased> {
  return Object.fromEntries(Object.entries(getTableColumns(table)).map(([key, column]) => [`${prefix}${key}`, sql`${column}`.as(`${prefix}${column.name}`)]));
}

/** Reads one table's row out of a driver row selected with `prefixedColumns(table, prefix)`. */
export function rowReader<T extends PgTable>(table: T, prefix: string): (raw: Record<string, unknown>) => InferSelectModel<T> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, alias: `${prefix}${column.name}`, decode: decoder(column) }));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const { key, alias, decode } of columns) {
      const value = raw[alias];
      row[key] = value === null || value === undefined ? null : decode(value);
    }
    return row as InferSelectModel<T>;
  };
}

function decoder(column: Column): (value: unknown) => unknown {
  if (column.columnType === "PgTimestamp" && (column as Column & { withTimezone?: boolean }).withTimezone) {
    // Drizzle has both drivers (postgres-js, PGlite) hand timestamps over as text; a Date passes through, as in Drizzle.
    return (value) => (typeof value === "string" ? timestamptzFromText(value) : value);
  }
  return (value) => column.mapFromDriverValue(value);
}

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;
const twoDigits = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);
/** Where `YYYY-MM-DD HH:MM:SS` has its digits. */
const DATE_TIME_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const isDigitAt = (text: string, at: number): boolean => {
  const d = digit(text, at);
  return d >= 0 && d <= 9;
};

/**
 * PostgreSQL's text form of a timestamptz under the ISO DateStyle, `2030-02-01 09:00:00.25+00`
 * or `…+05:30`, read by hand: Drizzle's `new Date(text)` goes through V8's general date parser,
 * about twice as slow (`new Date` 350 ns, this 200 ns on the bench machine), and a page of 20
 * sessions with their experts holds 180 timestamps. Whatever else PostgreSQL may write (a year
 * before 100 or past 9999, BC, an offset with seconds, another DateStyle) goes to `new Date`,
 * as Drizzle does.
 */
export function timestamptzFromText(text: string): Date {
  const n = text.length;
  if (n < 22 || text[4] !== "-" || text[7] !== "-" || text[10] !== " " || text[13] !== ":" || text[16] !== ":") return new Date(text);
  if (!DATE_TIME_DIGITS.every((at) => isDigitAt(text, at))) return new Date(text);
  let at = 19;
  let ms = 0;
  if (text[at] === ".") {
    // Microseconds: the first three digits are the milliseconds a Date holds; the rest are dropped, as new Date drops them.
    let scale = 100;
    for (at++; at < n && isDigitAt(text, at); at++) {
      ms += digit(text, at) * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  const sign = text[at] === "+" ? 1 : text[at] === "-" ? -1 : 0;
  const withMinutes = text[at + 3] === ":";
  const offsetEnd = withMinutes ? at + 6 : at + 3;
  const offsetDigits = withMinutes ? [at + 1, at + 2, at + 4, at + 5] : [at + 1, at + 2];
  if (sign === 0 || offsetEnd !== n || !offsetDigits.every((i) => isDigitAt(text, i))) return new Date(text);
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + twoDigits(text, 2);
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100) return new Date(text);
  const offsetMinutes = twoDigits(text, at + 1) * 60 + (withMinutes ? twoDigits(text, at + 4) : 0);
  const utc = Date.UTC(year, twoDigits(text, 5) - 1, twoDigits(text, 8), twoDigits(text, 11), twoDigits(text, 14), twoDigits(text, 17), ms);
  return new Date(utc - sign * offsetMinutes * 60_000);
}

/**
 * A prepared select's rows as the driver gives them, unmapped. Every driver's prepared query
 * (postgres-js, PGlite) has `all` for this; drizzle's types mark it internal.
 */
export function driverRows(prepared: { execute(values: Record<string, unknown>): Promise<unknown> }, values: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  return (prepared as unknown as { all(values: Record<string, unknown>): Promise<Record<string, unknown>[]> }).all(values);
}
