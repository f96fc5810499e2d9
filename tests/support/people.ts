import type Database from "better-sqlite3";
import type { Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/permissions";
import { rawSql } from "./sql";

/** Adds staff members (`key@example.edu`, named `key`) and returns them as signed-in users. */
export function insertStaff(sqlite: Database.Database, people: readonly (readonly [string, Role])[]): Record<string, CurrentUser> {
  const out: Record<string, CurrentUser> = {};
  for (const [key, role] of people) {
    const id = (sqlite.prepare("insert into users (email, name, role) values (?, ?, ?) returning id").get(`${key}@example.edu`, key, role) as { id: number }).id;
    out[key] = { id, name: key, email: `${key}@example.edu`, role };
  }
  return out;
}

/** Adds a topic and returns its id. */
export function insertTopic(sqlite: Database.Database, slug: string, name: string): number {
  return (sqlite.prepare("insert into topics (slug, name) values (?, ?) returning id").get(slug, name) as { id: number }).id;
}

/** As insertStaff, on whichever engine the suite runs (./sql.ts). */
export async function addStaff(people: readonly (readonly [string, Role])[]): Promise<Record<string, CurrentUser>> {
  const sql = await rawSql();
  const out: Record<string, CurrentUser> = {};
  for (const [key, role] of people) {
    const row = await sql.get<{ id: number }>("insert into users (email, name, role) values (?, ?, ?) returning id", `${key}@example.edu`, key, role);
    out[key] = { id: row!.id, name: key, email: `${key}@example.edu`, role };
  }
  return out;
}

/** As insertTopic, on whichever engine the suite runs. */
export async function addTopic(slug: string, name: string): Promise<number> {
  return (await (await rawSql()).get<{ id: number }>("insert into topics (slug, name) values (?, ?) returning id", slug, name))!.id;
}
