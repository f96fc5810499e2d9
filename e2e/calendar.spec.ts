import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { pageAs, storageState } from "./support/auth";
import { callAction, transition, writeArticle } from "./support/actions";
import { withDb } from "./support/db";
import { screenshotsTo } from "./support/shots";

/*
 * The story calendar and assignments as the newsroom meets them, by role and label: a reviser
 * assigns a piece from the calendar, the drafter is told and writes beside the brief, the due
 * date moves by keyboard, lateness shows on both dashboards, and a drafter can neither see nor
 * forge the assigning. The e2e server runs in UTC, so days here are UTC days.
 */

const shot = screenshotsTo(process.env.CALENDAR_SHOTS);


const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const longDay = (day: string) => new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
const weekOf = (day: string) => `/newsroom/calendar?view=week&date=${day}`;
/** The calendar entry (not its day) holding this title. */
const entryOf = (page: Page, title: string) => page.getByRole("listitem").filter({ hasText: title }).filter({ hasNot: page.getByRole("heading") });
const assignment = (title: string) => withDb((db) => db.prepare("select a.id, a.article_id, a.due_at from assignments a where a.working_title = ?").get(title)) as { id: number; article_id: number; due_at: number } | undefined;

test("a reviser assigns from the calendar; the drafter is told, writes beside the brief, and the due date moves by keyboard", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Lab notebooks ${Date.now()}`;
  const due = isoDay(Date.now() + 3 * DAY);
  const reviser = await pageAs(browser, "reviser");
  await reviser.goto("/newsroom");
  await reviser.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Calendar" }).click();
  await expect(reviser.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();

  await reviser.getByRole("button", { name: "New assignment" }).click();
  const form = reviser.getByRole("form", { name: "New assignment" });
  // Refused input keeps what was typed and says what is missing.
  await form.getByLabel("Working title").fill(title);
  await form.getByLabel("Due").fill(`${isoDay(Date.now() - 2 * DAY)}T09:00`);
  await form.getByLabel("Drafter").selectOption({ label: "Maya Lindqvist (Drafter)" });
  await form.getByLabel("Topic").selectOption({ label: "Research" });
  await form.getByRole("button", { name: "Create assignment" }).click();
  await expect(form.getByText("The due time has already passed. Choose a later one.")).toBeVisible();
  await expect(form.getByLabel("Working title")).toHaveValue(title);
  expect(assignment(title)).toBeUndefined();

  await form.getByLabel("Due").fill(`${due}T17:00`);
  await form.getByLabel("Brief").fill("Visit the sediment lab on Tuesday.\nAbout 600 words, one photo.");
  await form.getByRole("button", { name: "Create assignment" }).click();
  await expect(reviser.getByRole("status").filter({ hasText: `Assigned “${title}”. The drafter has been notified.` })).toBeVisible();
  const created = assignment(title)!;
  expect(created.due_at).toBe(Date.parse(`${due}T17:00:00Z`));

  // On the calendar: a "Due" entry on its day, linking to the draft.
  await reviser.goto(weekOf(due));
  const dayItem = (page: Page, day: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: longDay(day) }) });
  const entry = dayItem(reviser, due).getByRole("listitem").filter({ hasText: title });
  await expect(entry).toContainText("Due");
  await expect(entry).toContainText("17:00");
  await expect(entry.getByRole("link", { name: title })).toHaveAttribute("href", `/newsroom/articles/${created.article_id}`);
  await shot(reviser, "calendar-week-1280");

  // The drafter: the notification, their assignments, the brief beside the editor.
  const drafter = await pageAs(browser, "drafter");
  await drafter.goto("/newsroom");
  const notice = `New assignment: ${title}, due ${longDay(due)}, 17:00`;
  await expect(drafter.getByRole("region", { name: "Your assignments" }).getByRole("link", { name: title })).toBeVisible();
  await drafter.getByRole("link", { name: notice }).click();
  await drafter.waitForURL(`**/newsroom/articles/${created.article_id}`);
  await expect(drafter.getByLabel("Title")).toHaveValue(title);
  const panel = drafter.getByRole("region", { name: "Assignment" });
  await expect(panel).toContainText("Visit the sediment lab on Tuesday.");
  await expect(panel).toContainText(`Due ${longDay(due)}, 17:00`);
  await expect(panel).toContainText("Assigned to Maya Lindqvist by Helen Marchetti");
  await expect(panel.getByText("Edit assignment")).toHaveCount(0);
  await shot(drafter, "brief-panel-1280");

  // Keyboard: "Later day" moves the due date and keeps the focus on the moved entry's button.
  await reviser.goto(weekOf(due));
  const later = reviser.getByRole("button", { name: `Later day for “${title}”` });
  await later.focus();
  await reviser.keyboard.press("Enter");
  const next = isoDay(Date.parse(due) + DAY);
  await expect(reviser.getByRole("status").filter({ hasText: `Now due ${longDay(next)}, 17:00.` })).toBeVisible();
  expect(assignment(title)!.due_at).toBe(Date.parse(`${next}T17:00:00Z`));
  const earlier = reviser.getByRole("button", { name: `Earlier day for “${title}”` });
  if (new Date(`${due}T12:00:00Z`).getUTCDay() !== 0) {
    await expect(dayItem(reviser, next).getByRole("listitem").filter({ hasText: title })).toBeVisible();
    await expect(reviser.getByRole("button", { name: `Later day for “${title}”` })).toBeFocused();
    await reviser.keyboard.press("Shift+Tab");
  } else {
    // Due on a Sunday (a run on a Thursday): the next day, and the entry, are in the next week's view.
    await reviser.goto(weekOf(next));
    await expect(dayItem(reviser, next).getByRole("listitem").filter({ hasText: title })).toBeVisible();
    await earlier.focus();
  }
  await expect(earlier).toBeFocused();
  await reviser.keyboard.press("Enter");
  await expect(reviser.getByRole("status").filter({ hasText: `Now due ${longDay(due)}, 17:00.` })).toBeVisible();
  expect(assignment(title)!.due_at).toBe(Date.parse(`${due}T17:00:00Z`));

  // The drafter's calendar shows it, with no assigning and no moving.
  await drafter.goto(weekOf(due));
  await expect(dayItem(drafter, due).getByRole("link", { name: title })).toBeVisible();
  await expect(drafter.getByRole("button", { name: "New assignment" })).toHaveCount(0);
  await expect(drafter.getByRole("button", { name: /Later day for/ })).toHaveCount(0);

  // Late: two days past due, it stands out on both dashboards and beside the editor.
  withDb((db) => db.prepare("update assignments set due_at = ? where id = ?").run(Date.now() - 2 * DAY - 3_600_000, created.id));
  await reviser.goto("/newsroom");
  const overdue = reviser.getByRole("region", { name: /Overdue assignments/ });
  await expect(overdue.getByRole("link", { name: title })).toBeVisible();
  await expect(overdue).toContainText("Overdue by 2 days");
  await expect(overdue).toContainText("Maya Lindqvist");
  await shot(reviser, "dashboard-overdue-1280");
  await drafter.goto("/newsroom");
  await expect(drafter.getByRole("region", { name: /Overdue assignments/ }).getByRole("link", { name: title })).toBeVisible();
  await drafter.goto(`/newsroom/articles/${created.article_id}`);
  await expect(drafter.getByRole("region", { name: "Assignment" })).toContainText("Overdue by 2 days");
  await drafter.setViewportSize({ width: 390, height: 844 });
  await drafter.reload();
  await expect(drafter.getByRole("region", { name: "Assignment" })).toContainText("Overdue by 2 days");
  await shot(drafter, "brief-panel-390");
  await drafter.goto("/newsroom");
  await shot(drafter, "dashboard-drafter-390");
  await reviser.context().close();
  await drafter.context().close();
});

test("the reviser edits brief, due time and drafter beside the editor; the new drafter owns the draft", async ({ browser, playwright, baseURL }) => {
  const title = `Observatory ${Date.now()}`;
  const reviserApi = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const research = withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;
  const drafterId = withDb((db) => db.prepare("select id from users where email = 'drafter@example.edu'").pluck().get()) as number;
  const made = await callAction(reviserApi, "createAssignmentAction", { workingTitle: title, brief: "First brief.", drafterId: String(drafterId), dueAt: `${isoDay(Date.now() + 5 * DAY)}T10:00`, topicId: String(research) }, { page: "/newsroom/calendar" });
  expect(made.result?.ok, JSON.stringify(made.result)).toBe(true);
  const { article_id: articleId } = assignment(title)!;

  const reviser = await pageAs(browser, "reviser");
  await reviser.goto(`/newsroom/articles/${articleId}`);
  const panel = reviser.getByRole("region", { name: "Assignment" });
  await panel.getByText("Edit assignment").click();
  const edit = panel.getByRole("form", { name: "Edit assignment" });
  await edit.getByLabel("Brief").fill("Second brief: the new telescope.");
  await edit.getByLabel("Drafter").selectOption({ label: "Tomás Okafor (Drafter)" });
  await edit.getByLabel("Due").fill(`${isoDay(Date.now() + 6 * DAY)}T12:30`);
  await edit.getByRole("button", { name: "Save assignment" }).click();
  await expect(panel.getByRole("status")).toHaveText("Assignment saved.");
  await expect(panel).toContainText("Second brief: the new telescope.");
  await expect(panel).toContainText(`Due ${longDay(isoDay(Date.now() + 6 * DAY))}, 12:30`);
  await expect(panel).toContainText("Assigned to Tomás Okafor");

  const second = await pageAs(browser, "drafter2");
  await second.goto(`/newsroom/articles/${articleId}`);
  await expect(second.getByRole("region", { name: "Assignment" })).toContainText("Second brief: the new telescope.");
  const first = await pageAs(browser, "drafter");
  const response = await first.goto(`/newsroom/articles/${articleId}`);
  expect(response?.status()).toBe(404);
  await reviserApi.dispose();
  await Promise.all([reviser.context().close(), second.context().close(), first.context().close()]);
});

test("a drafter has no assigning controls, and forged assignment actions are refused", async ({ browser, playwright, baseURL }) => {
  const drafter = await pageAs(browser, "drafter");
  await drafter.goto("/newsroom/calendar");
  await expect(drafter.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  await expect(drafter.getByRole("button", { name: "New assignment" })).toHaveCount(0);

  const api = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const research = withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;
  const me = withDb((db) => db.prepare("select id from users where email = 'drafter@example.edu'").pluck().get()) as number;
  const before = withDb((db) => db.prepare("select (select count(*) from assignments) a, (select count(*) from articles) b, (select max(due_at) from assignments) c").get());
  const forged = await callAction(api, "createAssignmentAction", { workingTitle: "Forged", brief: "", drafterId: String(me), dueAt: `${isoDay(Date.now() + DAY)}T10:00`, topicId: String(research) }, { page: "/newsroom/calendar" });
  expect(forged.result).toMatchObject({ ok: false, code: "forbidden" });
  const anyAssignment = withDb((db) => db.prepare("select id from assignments order by id limit 1").pluck().get()) as number | undefined;
  const moved = await callAction(api, "moveAssignmentAction", { assignmentId: String(anyAssignment ?? 1), day: isoDay(Date.now() + 20 * DAY) }, { page: "/newsroom/calendar" });
  expect(moved.result).toMatchObject({ ok: false, code: "forbidden" });
  const edited = await callAction(api, "updateAssignmentAction", { assignmentId: String(anyAssignment ?? 1), brief: "Mine now", drafterId: String(me), dueAt: `${isoDay(Date.now() + DAY)}T10:00` }, { page: "/newsroom/calendar" });
  expect(edited.result).toMatchObject({ ok: false, code: "forbidden" });
  expect(withDb((db) => db.prepare("select (select count(*) from assignments) a, (select count(*) from articles) b, (select max(due_at) from assignments) c").get())).toEqual(before);
  await api.dispose();
  await drafter.context().close();
});

test("the calendar passes axe at 1280 and becomes a list by day at 390 px", async ({ browser }) => {
  const wide = await pageAs(browser, "reviser");
  await wide.goto("/newsroom/calendar");
  await expect(wide.getByRole("navigation", { name: "Calendar view" }).getByRole("link", { name: "Month" })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(wide);
  await shot(wide, "calendar-month-1280");
  await wide.getByRole("button", { name: "New assignment" }).click();
  await expectNoAxeViolations(wide);
  await shot(wide, "new-assignment-1280");
  await wide.getByRole("navigation", { name: "Calendar view" }).getByRole("link", { name: "Week" }).click();
  await expect(wide.getByRole("heading", { level: 2, name: /^Week of / })).toBeVisible();
  await expectNoAxeViolations(wide);
  // Previous / Today / Next move by the view's unit.
  const heading = await wide.getByRole("heading", { level: 2 }).first().textContent();
  await wide.getByRole("link", { name: "Next week ›" }).click();
  await expect(wide.getByRole("heading", { level: 2, name: /^Week of / })).not.toHaveText(heading!);
  await wide.getByRole("link", { name: "Today" }).click();
  await expect(wide.getByRole("heading", { level: 2, name: /^Week of / })).toHaveText(heading!);

  for (const view of ["month", "week"]) {
    const phone = await pageAs(browser, "reviser", 390);
    await phone.goto(`/newsroom/calendar?view=${view}`);
    await expect(phone.getByRole("heading", { level: 3, name: new RegExp(`${longDay(isoDay(Date.now()))} \\(today\\)`) })).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(phone);
    await shot(phone, `calendar-${view}-390`);
    await phone.context().close();
  }
  await wide.context().close();
});

test("moving a scheduled publication by keyboard asks first and is a new approval", async ({ browser, playwright, baseURL }) => {
  const title = `Telescope night ${Date.now()}`;
  const day = isoDay(Date.now() + 2 * DAY);
  const drafterApi = await playwright.request.newContext({ baseURL, storageState: storageState("drafter") });
  const reviserApi = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const research = withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;
  const { id, version } = await writeArticle(drafterApi, { title, standfirst: "Open doors at the observatory.", topicIds: [research] });
  expect((await transition(drafterApi, id, "submit", version)).result?.ok).toBe(true);
  const current = () => withDb((db) => db.prepare("select version, scheduled_for from articles where id = ?").get(id)) as { version: number; scheduled_for: number };
  const scheduled = await transition(reviserApi, id, "schedule", current().version, { scheduledFor: `${day}T10:00` });
  expect(scheduled.result?.ok, JSON.stringify(scheduled.result)).toBe(true);

  // The drafter sees it on the calendar but cannot move it (four-eyes).
  const drafter = await pageAs(browser, "drafter");
  await drafter.goto(weekOf(day));
  await expect(entryOf(drafter, title)).toContainText("Scheduled");
  await expect(drafter.getByRole("button", { name: `Later publication day for “${title}”` })).toHaveCount(0);

  const reviser = await pageAs(browser, "reviser");
  await reviser.goto(weekOf(day));
  const entry = entryOf(reviser, title);
  await expect(entry).toContainText("Scheduled");
  await expect(entry).toContainText("10:00");
  await reviser.getByRole("button", { name: `Later publication day for “${title}”` }).focus();
  await reviser.keyboard.press("Enter");
  const dialog = reviser.getByRole("dialog", { name: "Move the publication?" });
  const next = isoDay(Date.parse(day) + DAY);
  await expect(dialog).toContainText(`“${title}” will go live on the public site on ${longDay(next)}, 10:00 instead of ${longDay(day)}, 10:00`);
  await expect(dialog).toContainText("A new time is a new approval");
  await reviser.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(current().scheduled_for).toBe(Date.parse(`${day}T10:00:00Z`));

  await reviser.getByRole("button", { name: `Later publication day for “${title}”` }).click();
  await dialog.getByRole("button", { name: "Move publication" }).click();
  await expect(reviser.getByRole("status").filter({ hasText: `Rescheduled: goes live ${longDay(next)}, 10:00.` })).toBeVisible();
  expect(current().scheduled_for).toBe(Date.parse(`${next}T10:00:00Z`));
  const audit = withDb((db) => db.prepare("select a.action, u.email from audit_log a join users u on u.id = a.actor_id where a.article_id = ? order by a.id desc limit 1").get(id));
  expect(audit).toEqual({ action: "article.reschedule", email: "reviser@example.edu" });

  // A forged move by the drafter is refused by the server.
  const forged = await callAction(drafterApi, "moveScheduledAction", { articleId: String(id), baseVersion: String(current().version), day }, { page: "/newsroom/calendar" });
  expect(forged.result).toMatchObject({ ok: false, code: "forbidden" });
  expect(current().scheduled_for).toBe(Date.parse(`${next}T10:00:00Z`));
  await Promise.all([drafterApi.dispose(), reviserApi.dispose(), drafter.context().close(), reviser.context().close()]);
});

test("dragging a due entry to another day moves the due date, as its buttons do", async ({ browser, playwright, baseURL }) => {
  const title = `Harbour survey ${Date.now()}`;
  // A Wednesday two to eight days ahead: the day after it is in the same week's view.
  let dueMs = Date.now() + 2 * DAY;
  while (new Date(dueMs).getUTCDay() !== 3) dueMs += DAY;
  const [due, target] = [isoDay(dueMs), isoDay(dueMs + DAY)];
  const reviserApi = await playwright.request.newContext({ baseURL, storageState: storageState("reviser") });
  const research = withDb((db) => db.prepare("select id from topics where slug = 'research'").pluck().get()) as number;
  const maya = withDb((db) => db.prepare("select id from users where email = 'drafter@example.edu'").pluck().get()) as number;
  const created = await callAction(reviserApi, "createAssignmentAction", { workingTitle: title, brief: "", drafterId: String(maya), dueAt: `${due}T12:00`, topicId: String(research) }, { page: "/newsroom/calendar" });
  expect(created.result?.ok, JSON.stringify(created.result)).toBe(true);

  const reviser = await pageAs(browser, "reviser");
  await reviser.goto(weekOf(due));
  const dayItem = (day: string) => reviser.getByRole("listitem").filter({ has: reviser.getByRole("heading", { name: longDay(day) }) });
  await expect(dayItem(due).getByRole("listitem").filter({ hasText: title })).toBeVisible();
  await entryOf(reviser, title).dragTo(dayItem(target));
  await expect(reviser.getByRole("status").filter({ hasText: `Now due ${longDay(target)}, 12:00.` })).toBeVisible();
  await expect(dayItem(target).getByRole("listitem").filter({ hasText: title })).toBeVisible();
  expect(assignment(title)!.due_at).toBe(Date.parse(`${target}T12:00:00Z`));
});
