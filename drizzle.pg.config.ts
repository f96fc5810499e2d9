import { defineConfig } from "drizzle-kit";

// PostgreSQL (DATABASE_URL=postgres://…): its own schema and migrations folder, kept in step with
// drizzle.config.ts's SQLite ones by tests/pg-schema-drift.test.ts. `npm run db:generate:pg`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/pg/migrations",
});
