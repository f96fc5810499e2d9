"use server";

import { setPasswordWithToken } from "@/lib/staff";
import { setPasswordSchema } from "@/lib/validation/staff";
import { definePublicAction } from "./define";

// Public: the one-time token in the form is the proof; it is checked and spent in one transaction.
export const setPasswordWithTokenAction = definePublicAction({ schema: setPasswordSchema }, async (input) => {
  await setPasswordWithToken(input.token, input.password);
  return { message: "Your password is set. You can sign in now." };
});
