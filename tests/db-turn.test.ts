import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres, rawSql, type RawSql } from "./support/sql";
import { useFreshDatabase } from "./support/temp-db";

// Integration: the asynchronous data layer (db/client.ts). A transaction spans awaits, so other
// requests' statements must not land inside it (where a rollback would take an acknowledged
// write with it): on SQLite's one connection they wait for it to end; on PostgreSQL they run on
// other connections of the pool. Either way the transaction is found by the code it called, not
// by work it merely started.
let cleanup: () => Promise<void>;
let client: typeof import("@/db/client");
let schema: typeof import("@/db/tables");
let sql: RawSql;

beforeAll(async () => {
  ({ cleanup } = await useFreshDatabase());
  client = await import("@/db/client");
  schema = await import("@/db/tables");
  sql = await rawSql();
});
afterAll(() => cleanup());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const topicSlugs = async () => (await sql.all<{ slug: string }>("select slug from topics order by slug")).map((r) => r.slug);
const addTopic = async (db: import("@/db/client").Db, slug: string) => await db.insert(schema.topics).values({ slug, name: slug });

describe("a transaction's writes are its own", () => {
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
    expect(await topicSlugs()).toContain("acknowledged");
    expect(await topicSlugs()).not.toContain("rolled-back");
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
    expect(await topicSlugs()).toContain("queued-write");
    expect(await topicSlugs()).not.toContain("next-tx-rolled-back");
  });

  it("a read from another request never sees what is not committed", async () => {
    const seen: string[][] = [];
    let firstWritten!: () => void;
    const written = new Promise<void>((resolve) => (firstWritten = resolve));
    const open = client.immediate(async (db) => {
      await addTopic(db, "uncommitted-a");
      firstWritten();
      await sleep(30);
      await addTopic(db, "uncommitted-b");
    });
    // The read starts only once the transaction holds its first, uncommitted row.
    await written;
    const read = client
      .getDb()
      .select({ slug: schema.topics.slug })
      .from(schema.topics)
      .then((rows) => seen.push(rows.map((r) => r.slug)));
    await Promise.all([open, read]);
    const saw = ["uncommitted-a", "uncommitted-b"].filter((slug) => seen[0]!.includes(slug));
    // SQLite: the reader waited for the commit and sees both. PostgreSQL: it read beside the
    // open transaction, on another connection, and sees neither. Never one without the other.
    expect(saw).toEqual(onPostgres() ? [] : ["uncommitted-a", "uncommitted-b"]);
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
    expect(await topicSlugs()).toContain("outer");
    expect(await topicSlugs()).not.toContain("inner");
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
    expect(await topicSlugs()).toContain("started-inside");
    expect(await topicSlugs()).not.toContain("second-rolled-back");
  });

  it("a statement refused inside a transaction rolls it back and leaves the connection usable", async () => {
    if (onPostgres()) {
      await sql.run("create function refuse_bad() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$");
      await sql.run("create trigger refuse_bad before insert on topics for each row when (new.slug = 'bad') execute function refuse_bad()");
    } else {
      client.getSqlite().exec("create temp trigger refuse_bad before insert on topics when new.slug = 'bad' begin select raise(abort, 'refused'); end");
    }
    const refusal = await client.immediate(async (db) => await addTopic(db, "bad")).catch((error: Error) => error);
    expect((refusal as Error & { cause?: Error }).cause?.message).toBe("refused");
    await client.immediate(async (db) => await addTopic(db, "after-refusal"));
    expect(await topicSlugs()).toContain("after-refusal");
  });
});
