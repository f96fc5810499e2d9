import type Database from "better-sqlite3";
import { getTableName, is, SQL, type Table } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { PoolClient } from "pg";

/*
 * The shape of a schema that must be the same on SQLite and PostgreSQL, read from drizzle's table
 * configs or from a migrated database, and the differences between two shapes as sentences.
 * Type names are left out on purpose (integer vs timestamptz, text vs jsonb); so are default
 * values' spellings (a default is compared after `now`/`unixepoch()*1000` and casts are folded).
 */

export interface ColumnShape {
  notNull: boolean;
  /** The default, spelled the same on both engines; null when there is none (identity is none). */
  default: string | null;
}
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** Column lists that are unique (unique indexes and constraints), sorted. */
  unique: string[];
  /** Named indexes that are not the primary key: "name(col,col)" plus " unique". */
  indexes: string[];
  /** "col,col → table(col,col) on delete X", sorted. */
  foreignKeys: string[];
}
export type SchemaShape = Record<string, TableShape>;

const sorted = (list: string[]) => [...new Set(list)].sort();

/** One default as both engines agree on it. */
export function foldDefault(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (is(value, SQL)) return "sql";
  let text = String(value).trim();
  text = text.replace(/::[a-z ]+(\[\])?$/i, ""); // PostgreSQL casts: ''::text, 'draft'::text
  if (/^\(?unixepoch\(\) \* 1000\)?$/i.test(text) || /^(now\(\)|CURRENT_TIMESTAMP)$/i.test(text)) return "sql"; // "now", in each engine's units
  return text.replace(/^'(.*)'$/s, "$1");
}

/** The shape of drizzle tables (sqliteTable or pgTable), as the schema files declare them. */
export function shapeFromDrizzle(tables: Table[]): SchemaShape {
  const shape: SchemaShape = {};
  for (const table of tables) {
    const config = is(table, PgTable) ? pgConfig(table) : sqliteConfig(table as SQLiteTable);
    const columns: Record<string, ColumnShape> = {};
    const pk: string[] = [];
    const unique: string[] = [];
    for (const column of config.columns) {
      columns[column.name] = { notNull: column.notNull, default: column.hasDefault ? foldDefault(column.default) : null };
      if (column.primary) pk.push(column.name);
      if (column.isUnique) unique.push(column.name);
    }
    for (const key of config.primaryKeys) pk.push(...key.columns.map((c) => c.name));
    for (const constraint of config.uniqueConstraints) unique.push(constraint.columns.map((c) => c.name).join(","));
    const indexes = config.indexes.map((index) => {
      const names = index.config.columns.map((c) => ("name" in c && typeof c.name === "string" ? c.name : "<expression>")).join(",");
      if (index.config.unique) unique.push(names);
      return `${index.config.name}(${names})${index.config.unique ? " unique" : ""}`;
    });
    // A unique column or constraint is an index too (its name is drizzle's `<table>_<col>_unique`).
    for (const column of config.columns) if (column.isUnique) indexes.push(`${column.uniqueName}(${column.name}) unique`);
    const foreignKeys = config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      return `${ref.columns.map((c) => c.name).join(",")} → ${getTableName(ref.foreignTable)}(${ref.foreignColumns.map((c) => c.name).join(",")}) on delete ${fk.onDelete ?? "no action"}`;
    });
    shape[config.name] = { columns, primaryKey: pk, unique: sorted(unique), indexes: sorted(indexes), foreignKeys: sorted(foreignKeys) };
  }
  return shape;
}

/** The exported tables of a schema module. */
export function tablesOf(module: Record<string, unknown>): Table[] {
  return Object.values(module).filter((value): value is Table => is(value, SQLiteTable) || is(value, PgTable));
}

/** The shape of a migrated SQLite database, from its PRAGMAs, without the tables in `ignore`. */
export function shapeFromSqlite(sqlite: Database.Database, ignore: readonly string[]): SchemaShape {
  const shape: SchemaShape = {};
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    if (ignore.includes(name)) continue;
    const info = sqlite.prepare("SELECT name, \"notnull\" AS \"notNull\", dflt_value AS dflt, pk FROM pragma_table_info(?)").all(name) as { name: string; notNull: number; dflt: string | null; pk: number }[];
    const columns: Record<string, ColumnShape> = {};
    for (const c of info) columns[c.name] = { notNull: c.notNull === 1, default: foldDefault(c.dflt) };
    const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const unique: string[] = [];
    const indexes: string[] = [];
    for (const index of sqlite.prepare("SELECT name, \"unique\" AS isUnique, origin FROM pragma_index_list(?)").all(name) as { name: string; isUnique: number; origin: string }[]) {
      if (index.origin === "pk") continue;
      const cols = (sqlite.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno").all(index.name) as { name: string }[]).map((c) => c.name).join(",");
      if (index.isUnique) unique.push(cols);
      indexes.push(`${index.name}(${cols})${index.isUnique ? " unique" : ""}`);
    }
    const fks = new Map<number, { table: string; from: string[]; to: string[]; onDelete: string }>();
    for (const fk of sqlite.prepare("SELECT id, seq, \"table\" AS target, \"from\" AS source, \"to\" AS dest, on_delete AS onDelete FROM pragma_foreign_key_list(?) ORDER BY id, seq").all(name) as {
      id: number;
      target: string;
      source: string;
      dest: string;
      onDelete: string;
    }[]) {
      const entry = fks.get(fk.id) ?? { table: fk.target, from: [], to: [], onDelete: fk.onDelete.toLowerCase() };
      entry.from.push(fk.source);
      entry.to.push(fk.dest);
      fks.set(fk.id, entry);
    }
    const foreignKeys = [...fks.values()].map((fk) => `${fk.from.join(",")} → ${fk.table}(${fk.to.join(",")}) on delete ${fk.onDelete}`);
    shape[name] = { columns, primaryKey, unique: sorted(unique), indexes: sorted(indexes), foreignKeys: sorted(foreignKeys) };
  }
  return shape;
}

const ON_DELETE: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };

/** The shape of a migrated PostgreSQL database (schema public), from pg_catalog and information_schema. */
export async function shapeFromPostgres(client: PoolClient, ignore: readonly string[]): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const tables = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  for (const { name } of tables.rows) {
    if (ignore.includes(name)) continue;
    const info = await client.query<{ name: string; nullable: string; dflt: string | null; identity: string }>(
      "SELECT column_name AS name, is_nullable AS nullable, column_default AS dflt, is_identity AS identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
      [name],
    );
    const columns: Record<string, ColumnShape> = {};
    for (const c of info.rows) columns[c.name] = { notNull: c.nullable === "NO", default: c.identity === "YES" ? null : foldDefault(c.dflt) };
    // Index and constraint columns, in their order.
    const indexRows = await client.query<{ name: string; isUnique: boolean; isPrimary: boolean; cols: string }>(
      `SELECT ic.relname AS name, i.indisunique AS "isUnique", i.indisprimary AS "isPrimary",
              (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS cols
         FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = ('public.' || quote_ident($1))::regclass`,
      [name],
    );
    let primaryKey: string[] = [];
    const unique: string[] = [];
    const indexes: string[] = [];
    for (const index of indexRows.rows) {
      if (index.isPrimary) {
        primaryKey = index.cols.split(",");
        continue;
      }
      if (index.isUnique) unique.push(index.cols);
      indexes.push(`${index.name}(${index.cols})${index.isUnique ? " unique" : ""}`);
    }
    const fkRows = await client.query<{ target: string; source: string; dest: string; onDelete: string }>(
      `SELECT ft.relname AS target,
              (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS source,
              (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS dest,
              c.confdeltype AS "onDelete"
         FROM pg_constraint c JOIN pg_class ft ON ft.oid = c.confrelid
        WHERE c.contype = 'f' AND c.conrelid = ('public.' || quote_ident($1))::regclass`,
      [name],
    );
    const foreignKeys = fkRows.rows.map((fk) => `${fk.source} → ${fk.target}(${fk.dest}) on delete ${ON_DELETE[fk.onDelete] ?? fk.onDelete}`);
    shape[name] = { columns, primaryKey, unique: sorted(unique), indexes: sorted(indexes), foreignKeys: sorted(foreignKeys) };
  }
  return shape;
}

/** Every difference between two shapes, one sentence each ([] when they agree). */
export function diffShapes(a: SchemaShape, b: SchemaShape, [nameA, nameB]: [string, string]): string[] {
  const out: string[] = [];
  const only = (x: SchemaShape, y: SchemaShape, label: string) => Object.keys(x).filter((t) => !(t in y)).forEach((t) => out.push(`table ${t} only in ${label}`));
  only(a, b, nameA);
  only(b, a, nameB);
  for (const table of Object.keys(a).filter((t) => t in b).sort()) {
    const [ta, tb] = [a[table]!, b[table]!];
    for (const column of sorted([...Object.keys(ta.columns), ...Object.keys(tb.columns)])) {
      const [ca, cb] = [ta.columns[column], tb.columns[column]];
      if (!ca || !cb) out.push(`${table}.${column} only in ${ca ? nameA : nameB}`);
      else {
        if (ca.notNull !== cb.notNull) out.push(`${table}.${column}: not null in ${ca.notNull ? nameA : nameB} only`);
        if (ca.default !== cb.default) out.push(`${table}.${column}: default ${JSON.stringify(ca.default)} in ${nameA}, ${JSON.stringify(cb.default)} in ${nameB}`);
      }
    }
    if (ta.primaryKey.join(",") !== tb.primaryKey.join(",")) out.push(`${table}: primary key (${ta.primaryKey}) in ${nameA}, (${tb.primaryKey}) in ${nameB}`);
    for (const key of ["unique", "indexes", "foreignKeys"] as const) {
      for (const item of ta[key].filter((x) => !tb[key].includes(x))) out.push(`${table}: ${key} ${item} only in ${nameA}`);
      for (const item of tb[key].filter((x) => !ta[key].includes(x))) out.push(`${table}: ${key} ${item} only in ${nameB}`);
    }
  }
  return out;
}
