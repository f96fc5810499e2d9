import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the asynchronous data layer on SQLite's one connection (db/client.ts). A
// transaction now spans awaits, so other requests' statements must wait for it to end instead of
// landing inside it (where a rollback would take an acknowledged write with it).
let cleanup: () => Promise<void>;
let client: typeof import("@/db/client");
let schema: typeof import("@/db/schema");

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  client = await import("@/db/client");
  schema = await import("@/db/schema");
});
afterAll(() => cleanup());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const topicSlugs = () =>
  (client.getSqlite().prepare("select slug from topics order by slug").all() as { slug: string }[]).map((r) => r.slug);
const addTopic = (db: import("@/db/client").Db, slug: string) => db.insert(schema.topics).values({ slug, name: slug }).run();

describe("one connection, one transaction at a time", () => {
  it("a write from another request during an open transaction survives that transaction's rollback", async () => {
    const failing = client.immediate(async (db) => {
      await addTopic(db, "rolled-back");
      await sleep(40);
      throw new Error("the transaction fails after an await");
    });
    await sleep(10); // the transaction is open and waiting
    const acknowledged = addTopic(client.getDb(), "acknowledged");
    await expect(failing).rejects.toThrow(/fails after an await/);
    await acknowledged;
    expect(topicSlugs()).toContain("acknowledged");
    expect(topicSlugs()).not.toContain("rolled-back");
  });

  it("a write waiting for its turn keeps its place: a transaction queued behind it does not take it in", async () => {
    const first = client.immediate(async (db) => {
      await addTopic(db, "first-tx");
      await sleep(30);
    });
    await sleep(5);
    const waiting = addTopic(client.getDb(), "queued-write"); // waits for the first transaction
    const next = client.immediate(async (db) => {
      await addTopic(db, "next-tx-rolled-back");
      await sleep(20);
      throw new Error("the next transaction fails");
    });
    await first;
    await expect(next).rejects.toThrow(/next transaction fails/);
    await waiting;
    expect(topicSlugs()).toContain("queued-write");
    expect(topicSlugs()).not.toContain("next-tx-rolled-back");
  });

  it("a read from another request waits for the commit and never sees what is not committed", async () => {
    const seen: string[][] = [];
    const open = client.immediate(async (db) => {
      await addTopic(db, "uncommitted-a");
      await sleep(30);
      await addTopic(db, "uncommitted-b");
    });
    await sleep(10);
    const read = client
      .getDb()
      .select({ slug: schema.topics.slug })
      .from(schema.topics)
      .all()
      .then((rows) => seen.push(rows.map((r) => r.slug)));
    await Promise.all([open, read]);
    // Both rows or neither: the reader ran after the commit.
    expect(seen[0]).toEqual(expect.arrayContaining(["uncommitted-a", "uncommitted-b"]));
  });

  it("a transaction inside a transaction is a savepoint: its failure undoes only its own writes", async () => {
    await client.immediate(async (db) => {
      await addTopic(db, "outer");
      await expect(
        client.immediate(async (inner) => {
          await addTopic(inner, "inner");
          throw new Error("inner fails");
        }),
      ).rejects.toThrow(/inner fails/);
    });
    expect(topicSlugs()).toContain("outer");
    expect(topicSlugs()).not.toContain("inner");
  });

  it("work a transaction started for later does not join the next transaction", async () => {
    let late: Promise<unknown> = Promise.resolve();
    await client.immediate(async (db) => {
      await addTopic(db, "first");
      // A timer started inside the transaction runs after it committed.
      late = new Promise((resolve) => setTimeout(() => resolve(addTopic(client.getDb(), "started-inside")), 20));
    });
    const second = client.immediate(async (db) => {
      await addTopic(db, "second-rolled-back");
      await sleep(60);
      throw new Error("second fails");
    });
    await expect(second).rejects.toThrow(/second fails/);
    await late;
    expect(topicSlugs()).toContain("started-inside");
    expect(topicSlugs()).not.toContain("second-rolled-back");
  });

  it("a statement refused inside a transaction rolls it back and leaves the connection usable", async () => {
    client.getSqlite().exec("create temp trigger refuse_bad before insert on topics when new.slug = 'bad' begin select raise(abort, 'refused'); end");
    const refusal = await client.immediate(async (db) => await addTopic(db, "bad")).catch((error: Error) => error);
    expect((refusal as Error & { cause?: Error }).cause?.message).toBe("refused");
    await client.immediate(async (db) => await addTopic(db, "after-refusal"));
    expect(topicSlugs()).toContain("after-refusal");
  });
});
