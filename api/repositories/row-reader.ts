/**
 * A joined page's rows read straight from the driver's rows: the session lists' hot path.
 * Drizzle maps every selected field of every row through one generic loop (entity checks and an
 * iterator per column): on a page of 20 sessions with their experts it was the largest single
 * cost of the REST list under `npm run bench` (BENCHMARKS.md, 2026-12-04). Here each table's
 * columns are selected under a prefix (`s_id`, `u_id`: joined tables share column names) and
 * read back with the columns' own decoders, resolved once per table.
 */
import { getTableColumns, sql, type InferSelectModel, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** The table's columns as select fields, each aliased `${prefix}${column name}`. */
export function prefixedColumns(table: PgTable, prefix: string): Record<string, SQL.Aliased> {
  return Object.fromEntries(Object.entries(getTableColumns(table)).map(([key, column]) => [`${prefix}${key}`, sql`${column}`.as(`${prefix}${column.name}`)]));
}

/** Reads one table's row out of a driver row selected with `prefixedColumns(table, prefix)`. */
export function rowReader<T extends PgTable>(table: T, prefix: string): (raw: Record<string, unknown>) => InferSelectModel<T> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, alias: `${prefix}${column.name}`, column }));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const { key, alias, column } of columns) {
      const value = raw[alias];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as InferSelectModel<T>;
  };
}

/**
 * A prepared select's rows as the driver gives them, unmapped. Every driver's prepared query
 * (postgres-js, PGlite) has `all` for this; drizzle's types mark it internal.
 */
export function driverRows(prepared: { execute(values: Record<string, unknown>): Promise<unknown> }, values: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  return (prepared as unknown as { all(values: Record<string, unknown>): Promise<Record<string, unknown>[]> }).all(values);
}
