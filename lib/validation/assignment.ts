import { z } from "zod";
import { isDay } from "@/lib/newsroom/calendar-days";

/*
 * What the assignment forms send. The due time is a wall-clock "YYYY-MM-DDTHH:mm" in the
 * newsroom's time zone (a datetime-local input); lib/assignments turns it into an instant.
 */

const id = (message: string) => z.coerce.number({ message }).int(message).positive(message);
const local = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter the date and time it is due.");
const brief = z.string().max(5000, "Keep the brief under 5,000 characters.").transform((s) => s.replace(/\r\n/g, "\n").trim());

export const createAssignmentSchema = z.object({
  workingTitle: z.string().trim().min(1, "Give the assignment a working title.").max(200, "Keep the working title under 200 characters."),
  brief,
  drafterId: id("Choose who will write it."),
  dueAt: local,
  topicId: id("Choose a topic."),
});
export type CreateAssignmentInput = z.output<typeof createAssignmentSchema>;

export const updateAssignmentSchema = z.object({
  assignmentId: id("Choose an assignment."),
  brief,
  drafterId: id("Choose who will write it."),
  dueAt: local,
});
export type UpdateAssignmentInput = z.output<typeof updateAssignmentSchema>;

export const moveAssignmentSchema = z.object({
  assignmentId: id("Choose an assignment."),
  day: z.string().refine(isDay, "Choose a day."),
});
export type MoveAssignmentInput = z.output<typeof moveAssignmentSchema>;
