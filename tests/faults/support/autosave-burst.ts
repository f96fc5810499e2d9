import { saveWorkingCopy } from "@/lib/articles/editing";
import type { CurrentUser } from "@/lib/permissions";
import { rawSql } from "../../support/sql";
import { burstBody, readConfig, say } from "./script-io";

// Top-level await is not available to these scripts (tsx runs them as CommonJS).
void (async () => {

  /*
   * Child of tests/faults/kill-autosave.test.ts: saves working copies in a tight loop through the
   * real saveWorkingCopy, round-robin over the given articles, continuing from whatever version
   * the database holds (so a later round starts from what survived the previous kill). Prints
   * `ack <article> <version> <marker>` only after the save returned.
   */
  const config = readConfig<{ user: CurrentUser; topicId: number; articleIds: number[]; foldIds: number[]; round: number; maxSaves: number; maxMs: number }>();
  const sql = await rawSql();
  const versions = new Map<number, number>();
  for (const id of config.articleIds) versions.set(id, (await sql.get<{ version: number }>("select version from articles where id = ?", id))!.version);
  say("ready");

  const until = Date.now() + config.maxMs;
  for (let seq = 0; seq < config.maxSaves && Date.now() < until; seq++) {
    const articleId = config.articleIds[seq % config.articleIds.length]!;
    const marker = `r${config.round}-s${seq}-a${articleId}`;
    const saved = await saveWorkingCopy(config.user, {
      articleId,
      baseVersion: versions.get(articleId)!,
      title: `Burst article ${articleId}`,
      standfirst: `Round ${config.round}`,
      body: burstBody(marker),
      topicIds: [config.topicId],
      leadMediaId: null,
      // Most articles keep one revision per save; the folding ones fold quick saves as the editor does.
      noFold: !config.foldIds.includes(articleId),
    });
    versions.set(articleId, saved.version);
    say(`ack ${articleId} ${saved.version} ${marker}`);
  }
  say("done");
})();
