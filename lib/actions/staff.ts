"use server";

import { addStaffMember, changeRole, resetPassword, setActive } from "@/lib/staff";
import { addStaffSchema, changeRoleSchema, userIdSchema } from "@/lib/validation/staff";
import { defineAction } from "./define";

export const addStaffAction = defineAction(
  { capability: "staff.manage", schema: addStaffSchema },
  async (input, { user }) => {
    const { link } = await addStaffMember(user, input);
    return { message: `${input.name} was added. Give them this one-time link to set their password:`, data: { link } };
  },
);

export const changeRoleAction = defineAction({ capability: "staff.manage", schema: changeRoleSchema }, async (input, { user }) => {
  await changeRole(user, input.userId, input.role);
  return { message: "Role changed." };
});

export const deactivateStaffAction = defineAction({ capability: "staff.manage", schema: userIdSchema }, async (input, { user }) => {
  await setActive(user, input.userId, false);
  return { message: "Deactivated. Their sessions have ended." };
});

export const reactivateStaffAction = defineAction({ capability: "staff.manage", schema: userIdSchema }, async (input, { user }) => {
  await setActive(user, input.userId, true);
  return { message: "Reactivated." };
});

export const resetPasswordAction = defineAction({ capability: "staff.manage", schema: userIdSchema }, async (input, { user }) => {
  const { link } = await resetPassword(user, input.userId);
  return { message: "Password cleared and sessions ended. Give them this one-time link:", data: { link } };
});
