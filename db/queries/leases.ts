import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { leases } from "../tables";

export interface LeaseRow {
  holder: string;
  acquiredAt: Date;
  expiresAt: Date;
}

export async function getLease(db: Db, name: string): Promise<LeaseRow | null> {
  return (await db.select({ holder: leases.holder, acquiredAt: leases.acquiredAt, expiresAt: leases.expiresAt }).from(leases).where(eq(leases.name, name)))[0] ?? null;
}

/**
 * Takes or renews the lease `name` for `holder` until `expiresAt`, when it is free, lapsed or
 * already the holder's. Call inside an IMMEDIATE transaction, so two instances cannot both
 * read it as free. Returns whether `holder` holds it now.
 */
export async function claimLease(db: Db, input: { name: string; holder: string; now: Date; expiresAt: Date }): Promise<boolean> {
  const current = await getLease(db, input.name);
  if (current && current.holder !== input.holder && current.expiresAt.getTime() > input.now.getTime()) return false;
  const acquiredAt = current?.holder === input.holder ? current.acquiredAt : input.now;
  await db.insert(leases)
      .values({ name: input.name, holder: input.holder, acquiredAt, expiresAt: input.expiresAt })
      .onConflictDoUpdate({ target: leases.name, set: { holder: input.holder, acquiredAt, expiresAt: input.expiresAt } });
  return true;
}
