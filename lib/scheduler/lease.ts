import "server-only";
import os from "node:os";
import { immediate } from "@/db/client";
import { claimLease, getLease } from "@/db/queries/leases";

/*
 * Exactly one scheduler among several instances on one database: the instance holding the
 * "scheduler" lease publishes what is due and takes down what expired; the others only ask
 * again, often enough to take over soon after the holder dies (its lease lapses unrenewed).
 *
 * The holder renews on every run, at most HOLDER_WAIT_MS apart (lib/scheduler/loop.ts), well
 * within LEASE_MS; the others try every LEASE_RETRY_MS, so a dead holder is replaced within
 * LEASE_MS + LEASE_RETRY_MS (25 s). A publication is never doubled by an overlap either: each
 * one is a state change from "scheduled" in its own transaction (publishDueArticles).
 */

export const SCHEDULER_LEASE = "scheduler";
export const LEASE_MS = 20_000;


/**
 * This instance's name in the lease table: its host and port. Only one live process can listen
 * on a port, so a restarted instance is the same holder and takes its lease straight back
 * (catching up on start as before); another instance, on another port or host, waits for the
 * lease to lapse.
 */
export function instanceId(): string {
  return `${os.hostname()}:${process.env.PORT || "3000"}`;
}

/** Takes or renews the scheduler lease for this instance; whether it holds it now. */
export async function holdSchedulerLease(now = new Date(), id = instanceId()): Promise<boolean> {
  return await immediate(async (db) => await claimLease(db, { name: SCHEDULER_LEASE, holder: id, now, expiresAt: new Date(now.getTime() + LEASE_MS) }));
}

/** Who holds the scheduler lease and until when (health and tests). */
export async function schedulerLease() {
  return await immediate(async (db) => await getLease(db, SCHEDULER_LEASE));
}
