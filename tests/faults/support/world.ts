import type { CurrentUser } from "@/lib/permissions";
import { addStaff, addTopic } from "../../support/people";

/*
 * The people and articles of a fault drill, written through the real domain functions into the
 * fresh database of the test process (see tests/support/temp-db.ts), on the suite's engine,
 * before a child takes over.
 */
export interface World {
  maya: CurrentUser;
  helen: CurrentUser;
  rafael: CurrentUser;
  topicId: number;
}

export async function createWorld(): Promise<World> {
  const people = await addStaff([["maya", "drafter"], ["helen", "reviser"], ["rafael", "reviser"]] as const);
  return { maya: people.maya!, helen: people.helen!, rafael: people.rafael!, topicId: await addTopic("research", "Research") };
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
