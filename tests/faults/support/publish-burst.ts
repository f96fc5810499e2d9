import { applyTransition } from "@/lib/articles/transitions";
import type { CurrentUser } from "@/lib/permissions";
import { rawSql } from "../../support/sql";
import { readConfig, say } from "./script-io";

// Top-level await is not available to these scripts (tsx runs them as CommonJS).
void (async () => {

  /*
   * Child of tests/faults/kill-publish.test.ts: takes each article through submit (the drafter)
   * and approve+publish (a reviser) with the real applyTransition, continuing from the state the
   * database holds. Prints `submitted <id>` / `published <id>` only after the transition returned.
   */
  const config = readConfig<{ drafter: CurrentUser; reviser: CurrentUser; articleIds: number[] }>();
  const sql = await rawSql();
  const row = async (id: number) => (await sql.get<{ status: string; version: number }>("select status, version from articles where id = ?", id))!;
  say("ready");

  for (const articleId of config.articleIds) {
    const { status, version } = await row(articleId);
    if (status === "draft") {
      await applyTransition(config.drafter, { articleId, action: "submit", baseVersion: version });
      say(`submitted ${articleId}`);
    }
    if (status === "draft" || status === "in_review") {
      await applyTransition(config.reviser, { articleId, action: "approve", baseVersion: version });
      say(`published ${articleId}`);
    }
  }
  say("done");
})();
