/*
 * `npm run staff -- add --email … --name … --role admin`: adds a person from the shell (the first
 * admin of a real deployment) and prints their one-time set-password link.
 */
import { parseArgs } from "node:util";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { AppError } from "@/lib/errors";
import { addStaffMember } from "@/lib/staff";
import { addStaffSchema } from "@/lib/validation/staff";

const USAGE = "Usage: npm run staff -- add --email <email> --name <name> --role <drafter|reviser|admin>";

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
  });
  if (positionals[0] !== "add") {
    console.error(USAGE);
    return 2;
  }
  const parsed = addStaffSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  await migrateDatabase();
  try {
    const { link } = await addStaffMember(null, parsed.data);
    console.log(`Added ${parsed.data.name} <${parsed.data.email}> as ${parsed.data.role}.`);
    console.log(`One-time link to set the password (valid 7 days):\n${link}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await closeDb();
  }
}

void main().then((code) => (process.exitCode = code));
