import type Database from "better-sqlite3";
import type { Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/permissions";

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
