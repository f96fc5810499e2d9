import "server-only";
import { z } from "zod";
import { immediate } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { getSignInRecord } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { describeWait, recordFailure, recordSuccess, remainingLock } from "./throttle";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** The one message for an unknown address, a wrong password and a deactivated account. */
export const BAD_CREDENTIALS = "Wrong email or password.";

/**
 * Checks credentials under the throttle. Returns the person's id and session version, or
 * throws AppError("throttled" | "invalid"); the message never says which part was wrong.
 */
export async function authenticate(input: unknown, address: string, now = new Date()) {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", BAD_CREDENTIALS);
  const { email, password } = parsed.data;

  const wait = await remainingLock(email, address, now);
  if (wait > 0) throw new AppError("throttled", `Too many failed sign-in attempts. Try again in ${describeWait(wait)}.`);

  const record = await getSignInRecord(email);
  const passwordOk = await verifyPassword(record?.passwordHash ?? null, password);
  if (!record || !passwordOk || !record.active) {
    await recordFailure(email, address, now);
    await immediate(async (db) =>
      await writeAudit(db, { actorId: null, action: "sign_in.failed", subjectUserId: record?.id ?? null, details: { address }, at: now }),
    );
    throw new AppError("invalid", BAD_CREDENTIALS);
  }
  await recordSuccess(email);
  await immediate(async (db) => await writeAudit(db, { actorId: record.id, action: "sign_in", subjectUserId: record.id, details: { address }, at: now }));
  return { id: record.id, sessionVersion: record.sessionVersion };
}
