"use server";

import { cacheTags } from "@/lib/cache-tags";
import { expireTags } from "@/lib/revalidate";
import { changeOwnPassword, renameSelf } from "@/lib/staff";
import { changePasswordSchema, renameSchema } from "@/lib/validation/staff";
import { defineAction } from "./define";

export const renameSelfAction = defineAction({ capability: "profile.edit", schema: renameSchema }, async (input, { user }) => {
  await renameSelf(user, input.name);
  // Names appear in the credits of published articles.
  expireTags([cacheTags.people]);
  return { message: "Your name was saved." };
});

export const changePasswordAction = defineAction(
  { capability: "profile.edit", schema: changePasswordSchema },
  async (input, { user }) => {
    await changeOwnPassword(user, input.currentPassword, input.newPassword);
    return { message: "Password changed. Every session has ended; sign in again with the new password." };
  },
);
