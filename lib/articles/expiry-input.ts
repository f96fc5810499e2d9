import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { zonedLocalToDate } from "@/lib/time";

/**
 * The "Expires" field of a form as the newsroom's wall-clock time: undefined when the form had
 * no such field (keep what is set), null when left empty (no expiry), else the instant. A value
 * that is not a date and time is refused with a message.
 */
export function parseExpiryField(raw: string | undefined): Date | null | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === "") return null;
  const at = zonedLocalToDate(raw.trim(), env().MASTHEAD_TIME_ZONE);
  if (!at) throw new AppError("invalid", "Enter the date and time it expires.", { expiresAt: ["Enter a date and time."] });
  return at;
}
