// Typing latency in the editor on a 10,000-word article with 20 photographs, in Debian's Chromium:
// the browser's own Event Timing entries (key press to the next paint, as INP measures it). The
// API reports only events of 16 ms or more, so a key press without an entry was painted sooner.
// That figure is also split into input processing (the event handlers) and frame wait (handler
// end to the next paint), measured for every key press.
// Plus the server-side save time from bench/editor-fixture.ts.
import { spawnSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium.mjs";
import { childEnv, root } from "../scripts/lib.mjs";


function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}

/** Runs the fixture against `dataDir` (before the server starts) and returns its JSON. */
export function prepareEditorFixture(dataDir) {
  const r = spawnSync("node", ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/editor-fixture.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...childEnv, MASTHEAD_DATA_DIR: dataDir },
  });
  if (r.status !== 0) throw new Error(`editor fixture failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

/** Signs a demo account in through the real form, in `page`. */
async function signIn(page, base, email, password) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/newsroom");
}

/** Signs in as the demo drafter and types into the big article. */
export async function measureTyping(base, password, articleId, keys = 120) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await signIn(page, base, "drafter@example.edu", password);
    await page.goto(`${base}/newsroom/articles/${articleId}`);
    const body = page.getByRole("textbox", { name: "Body" });
    await body.locator("p").nth(50).click();
    await page.evaluate(() => {
      // Event Timing, as INP measures it: for each key press of 16 ms or more, the handlers of
      // all its events (keydown, keypress, beforeinput, input) are the input processing; from
      // the end of the last handler to the next paint is the frame wait.
      window.__slow = new Map();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          // keyup shares the interaction but paints a frame of its own: the press is the rest.
          if (!e.interactionId || e.name === "keyup") continue;
          const k = window.__slow.get(e.interactionId) ?? { start: e.startTime, paint: 0, processing: 0, end: 0 };
          k.start = Math.min(k.start, e.startTime);
          k.paint = Math.max(k.paint, e.startTime + e.duration);
          k.processing += e.processingEnd - e.processingStart;
          k.end = Math.max(k.end, e.processingEnd);
          window.__slow.set(e.interactionId, k);
        }
      }).observe({ type: "event", durationThreshold: 16 });
      // Every key press (the API leaves out those under 16 ms): from the key's timestamp to the
      // end of its task (a message posted from keydown runs after all its handlers), then to
      // after the next paint (a message posted from the next animation frame).
      window.__all = [];
      window.addEventListener(
        "keydown",
        (event) => {
          const start = event.timeStamp;
          const channel = new MessageChannel();
          let handled = 0;
          channel.port1.onmessage = () => {
            if (!handled) {
              handled = performance.now();
              requestAnimationFrame(() => channel.port2.postMessage(0));
            } else {
              window.__all.push({ processing: handled - start, frameWait: performance.now() - handled });
              channel.port1.close();
            }
          };
          channel.port2.postMessage(0);
        },
        { capture: true },
      );
    });
    for (let i = 0; i < keys; i++) {
      await page.keyboard.type("abcdefghij "[i % 11]);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(500);
    const { slow, every } = await page.evaluate(() => ({ slow: [...window.__slow.values()], every: window.__all }));
    // Key presses without an entry took under 16 ms; count them as 16 for the percentiles.
    const all = [...slow.map((k) => k.paint - k.start), ...Array(Math.max(0, keys - slow.length)).fill(16)];
    const p95 = percentile(all, 95);
    const split = (pick) => (every.length ? { p50: percentile(every.map(pick), 50), p95: percentile(every.map(pick), 95) } : null);
    return {
      keys,
      over16ms: slow.length,
      p50: percentile(all, 50),
      p95,
      p95Label: slow.length <= keys * 0.05 ? "< 16" : String(p95),
      // Reported separately, as issue #10 asks: time in the event handlers vs. waiting for the frame.
      inputProcessing: split((k) => k.processing),
      frameWait: split((k) => k.frameWait),
      slowSplit: slow.length ? { inputProcessingP95: percentile(slow.map((k) => k.processing), 95), frameWaitP95: percentile(slow.map((k) => k.paint - k.end), 95) } : null,
    };
  } finally {
    await browser.close();
  }
}

/** Creates articles waiting for review (before the server starts). */
export function preparePublishFixture(dataDir, count = 8, env = {}) {
  const r = spawnSync("node", ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/publish-fixture.ts", String(count)], {
    cwd: root,
    encoding: "utf8",
    env: { ...childEnv, MASTHEAD_DATA_DIR: dataDir, ...env },
  });
  if (r.status !== 0) throw new Error(`publish fixture failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

/**
 * Publish-to-live: the reviser clicks "Approve and publish" and confirms with "Publish now"; from
 * that moment the article page,
 * the home page and the topic page are polled until all three serve the new headline.
 */
export async function measurePublish(base, password, items) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const times = [];
  try {
    const context = await browser.newContext();
    const signInPage = await context.newPage();
    await signIn(signInPage, base, "reviser@example.edu", password);
    await signInPage.close();
    for (const item of items) {
      // Warm the caches first, so the measurement includes invalidating them.
      for (const p of ["/", `/topics/${item.topic}`]) await fetch(base + p).then((r) => r.text());
      // A tab per publish, closed once the approve answer is in: the editor then refreshes itself,
      // and that navigation must neither compete with the polling below for the two cores nor
      // interrupt the next item's page.goto (both happened with one shared tab).
      const page = await context.newPage();
      await page.goto(`${base}/newsroom/articles/${item.id}`, { waitUntil: "domcontentloaded" });
      const button = page.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Approve and publish" });
      await button.waitFor();
      // The button asks first; the clock starts when the reviser confirms.
      await button.click();
      const confirm = page.getByRole("dialog", { name: "Publish this article?" }).getByRole("button", { name: "Publish now" });
      await confirm.waitFor();
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
      const start = performance.now();
      await confirm.click();
      await answered;
      const closing = page.close().catch(() => undefined);
      const shows = async (p) => (await fetch(base + p).then((r) => r.text())).includes(item.title);
      const pending = new Set([`/news/${item.slug}`, "/", `/topics/${item.topic}`]);
      while (pending.size > 0 && performance.now() - start < 10_000) {
        for (const p of [...pending]) if (await shows(p)) pending.delete(p);
      }
      times.push(pending.size === 0 ? performance.now() - start : Infinity);
      await closing;
    }
  } finally {
    await browser.close();
  }
  return { samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}
