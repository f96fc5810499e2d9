import { z } from "zod";
import { ROLES } from "@/db/schema";
import { newPasswordSchema } from "@/lib/auth/password-rules";

export const roleSchema = z.enum(ROLES, { message: "Choose drafter, reviser or admin." });
const nameSchema = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");
const idSchema = z.coerce.number().int().positive();

export const addStaffSchema = z.object({
  name: nameSchema,
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address." })).pipe(z.string().max(320)),
  role: roleSchema,
});
export const changeRoleSchema = z.object({ userId: idSchema, role: roleSchema });
export const userIdSchema = z.object({ userId: idSchema });
export const renameSchema = z.object({ name: nameSchema });
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });
export const setPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });
