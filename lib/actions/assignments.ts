"use server";

import { revalidatePath } from "next/cache";
import { createAssignment, editAssignment, moveAssignment } from "@/lib/assignments/assignments";
import { env } from "@/lib/env";
import { formatDue } from "@/lib/newsroom/calendar-days";
import { createAssignmentSchema, moveAssignmentSchema, updateAssignmentSchema } from "@/lib/validation/assignment";
import { defineAction } from "./define";

// Newsroom pages are dynamic; this only drops the client's router cache of them.
const refresh = () => revalidatePath("/newsroom", "layout");

export const createAssignmentAction = defineAction({ capability: "assignment.manage", schema: createAssignmentSchema }, async (input, { user }) => {
  const { articleId } = await createAssignment(user, input);
  refresh();
  return { message: `Assigned “${input.workingTitle}”. The drafter has been notified.`, data: { articleId } };
});

export const updateAssignmentAction = defineAction({ capability: "assignment.manage", schema: updateAssignmentSchema }, async (input, { user }) => {
  await editAssignment(user, input);
  refresh();
  return { message: "Assignment saved." };
});

export const moveAssignmentAction = defineAction({ capability: "assignment.manage", schema: moveAssignmentSchema }, async (input, { user }) => {
  const dueAt = await moveAssignment(user, input);
  refresh();
  return { message: `Now due ${formatDue(dueAt, env().MASTHEAD_TIME_ZONE)}.` };
});
