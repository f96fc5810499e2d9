import { ping } from "@/db/client";
import { applyTransition } from "@/lib/articles/transitions";
import { toAppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/permissions";
import { readConfig, say, waitForWord } from "./script-io";

/*
 * Child of tests/faults/approve-race.test.ts: one reviser's process. Waits for "go" so both
 * processes start together, then approves every article (same order in both) at the version
 * the reviser saw, printing `won <id>` or `lost <id> <code> <message>`.
 */
const config = readConfig<{ reviser: CurrentUser; articles: { id: number; version: number }[] }>();
// No top-level await: tsx runs this file as CommonJS.
void (async () => {
  await ping(); // open the connection before the start signal
  say("ready");
  await waitForWord("go");
  for (const { id, version } of config.articles) {
    try {
      await applyTransition(config.reviser, { articleId: id, action: "approve", baseVersion: version });
      say(`won ${id}`);
    } catch (error) {
      const known = toAppError(error);
      say(`lost ${id} ${known?.code ?? "unknown"} ${known?.message ?? String(error)}`);
    }
  }
  say("done");
  process.exit(0);
})();
