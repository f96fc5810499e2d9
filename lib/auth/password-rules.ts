import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;

/** The password rule, shared by every form that sets one (and safe to import anywhere). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");
