import type Database from "better-sqlite3";
import type { CurrentUser } from "@/lib/permissions";

/*
 * The people and articles of a fault drill, written through the real domain functions into the
 * fresh database of the test process (see tests/support/temp-db.ts) before a child takes over.
 */
export interface World {
  maya: CurrentUser;
  helen: CurrentUser;
  rafael: CurrentUser;
  topicId: number;
}

export function createWorld(sqlite: Database.Database): World {
  const insert = sqlite.prepare("insert into users (email, name, role) values (?, ?, ?) returning id");
  const person = (key: string, role: CurrentUser["role"]): CurrentUser => ({ id: (insert.get(`${key}@example.edu`, key, role) as { id: number }).id, name: key, email: `${key}@example.edu`, role });
  const world = { maya: person("maya", "drafter"), helen: person("helen", "reviser"), rafael: person("rafael", "reviser"), topicId: 0 };
  world.topicId = (sqlite.prepare("insert into topics (slug, name) values ('research', 'Research') returning id").get() as { id: number }).id;
  return world;
}

const text = (t: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: t }] }] });

/** `count` drafts by Maya that are complete enough to submit; returns their ids. */
export async function createReadyDrafts(world: World, count: number, prefix: string): Promise<number[]> {
  const { createDraft, saveWorkingCopy } = await import("@/lib/articles/editing");
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const title = `${prefix} ${i + 1}`;
    const id = await createDraft(world.maya, title);
    await saveWorkingCopy(world.maya, { articleId: id, baseVersion: 1, title, standfirst: "A standfirst.", body: text(`The body of ${title}.`), topicIds: [world.topicId], leadMediaId: null });
    ids.push(id);
  }
  return ids;
}
