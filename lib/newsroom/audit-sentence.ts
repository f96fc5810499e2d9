/*
 * The audit log as sentences for people: "Ana Reviser published “Title”". Pure, so every action
 * is unit-tested; an action this table does not know yet still reads as "<who> did <code>".
 */

export interface AuditRowFacts {
  action: string;
  actor: string | null;
  subject: string | null;
  articleId: number | null;
  articleTitle: string | null;
  fromState: string | null;
  toState: string | null;
  details: unknown;
}

/** A sentence in parts, so the page can link the article's title: `before “title” after`. */
export interface AuditSentence {
  who: string;
  before: string;
  article: { id: number; title: string } | null;
  after: string;
  refused: boolean;
  /** Why it was refused, when the log says. */
  reason: string | null;
}

const STATE: ReadonlyMap<string, string> = new Map([
  ["draft", "draft"],
  ["in_review", "in review"],
  ["changes_requested", "changes requested"],
  ["scheduled", "scheduled"],
  ["published", "published"],
  ["unpublished", "unpublished"],
]);
const state = (s: string | null) => (s ? (STATE.get(s) ?? s) : "");

type Phrase = (row: AuditRowFacts) => [before: string, after?: string];

// Article actions: the verb goes before the title. Map, not object: the action comes from data.
const ARTICLE_PHRASES: ReadonlyMap<string, Phrase> = new Map<string, Phrase>([
  ["article.create", () => ["started the draft"]],
  ["article.save", () => ["saved"]],
  ["article.review_edit", () => ["edited", " under review"]],
  ["article.restore", () => ["restored an earlier revision of"]],
  ["article.import", () => ["imported"]],
  ["article.submit", () => ["sent", " for review"]],
  ["article.withdraw", () => ["withdrew", " from review"]],
  ["article.request_changes", () => ["requested changes to"]],
  ["article.approve", () => ["published"]],
  ["article.schedule", () => ["scheduled"]],
  ["article.unpublish", () => ["unpublished"]],
  ["article.edit_again", (r) => ["started a new working copy of", r.toState ? ` (now ${state(r.toState)})` : ""]],
  ["article.publish_due", () => ["published", " at its scheduled time"]],
  ["article.reschedule", () => ["rescheduled"]],
  ["article.cancel_schedule", () => ["cancelled the schedule of"]],
  ["article.undo_unpublish", () => ["undid the unpublishing of"]],
  ["article.delete", () => ["moved", " to the trash"]],
  ["article.expiry_set", (r) => ["set", ` to expire${whenOf(r.details)}`]],
  ["article.expiry_changed", (r) => ["changed when", ` expires${whenOf(r.details, " to ")}`]],
  ["article.expiry_removed", () => ["removed the expiry of"]],
  ["article.expire", () => ["took", " off the public site at its expiry time"]],
  ["article.restore_deleted", () => ["restored", " from the trash"]],
  ["article.discard_empty", () => ["discarded the untouched empty draft"]],
  ["note.add", (r) => [`added ${noteKind(r.details)} to`, detail(r.details, "live") === false ? " (to go live with the next approval)" : ""]],
  ["note.publish", (r) => [`published ${noteKind(r.details)} to`, detail(r.details, "withApproval") ? " with its approval" : ""]],
  ["note.withdraw", (r) => [`withdrew ${noteKind(r.details)} from`, typeof detail(r.details, "reason") === "string" ? `: “${detail(r.details, "reason") as string}”` : ""]],
  ["comment.add", () => ["commented on"]],
  ["comment.reply", () => ["replied to a comment on"]],
  ["comment.resolve", () => ["resolved a comment on"]],
  ["comment.reopen", () => ["reopened a comment on"]],
  ["review_link.create", (r) => ["made an outside review link to", forWhom(r.details)]],
  ["review_link.revoke", () => ["revoked an outside review link to"]],
  // Openings are logged once per link per hour (lib/review-links/open.ts), not per request.
  ["review_link.view", (r) => ["opened", ` through an outside review link${forWhom(r.details)}`]],
  ["review_link.comment", () => ["left an outside comment on", " through a review link"]],
  ["assignment.create", (r) => ["assigned", r.subject ? ` to ${r.subject}` : ""]],
  ["assignment.update", () => ["changed the assignment of"]],
  ["assignment.move", () => ["moved the due date of"]],
]);

/** A detail that is a non-empty string, or null. */
function textDetail(details: unknown, key: string): string | null {
  const value = detail(details, key);
  return typeof value === "string" && value ? value : null;
}
const forWhom = (details: unknown) => (textDetail(details, "label") ? ` (for ${textDetail(details, "label")})` : "");

// What a refused article action would have done, for "tried to publish “T”".
const TRIED: ReadonlyMap<string, string> = new Map([
  ["submit", "send"],
  ["withdraw", "withdraw"],
  ["request_changes", "request changes to"],
  ["approve", "publish"],
  ["schedule", "schedule"],
  ["unpublish", "unpublish"],
  ["reschedule", "reschedule"],
  ["cancel_schedule", "cancel the schedule of"],
  ["undo_unpublish", "undo the unpublishing of"],
  ["edit_again", "start a new working copy of"],
  ["set_expiry", "change the expiry of"],
  ["delete", "delete"],
  ["add_note", "add a correction or clarification to"],
  ["withdraw_note", "withdraw a correction or clarification from"],
]);

// Actions about a person rather than an article.
const PERSON_PHRASES: ReadonlyMap<string, (r: AuditRowFacts, subject: string) => string> = new Map([
  ["sign_in", () => "signed in"],
  ["staff.add", (r: AuditRowFacts, s: string) => `added ${s} as ${roleOf(r.details) ?? "staff"}`],
  ["staff.role", (r: AuditRowFacts, s: string) => `changed the role of ${s} from ${r.fromState ?? "?"} to ${r.toState ?? "?"}`],
  ["staff.deactivate", (_r: AuditRowFacts, s: string) => `deactivated ${s}`],
  ["staff.reactivate", (_r: AuditRowFacts, s: string) => `reactivated ${s}`],
  ["staff.password_reset", (_r: AuditRowFacts, s: string) => `made a password reset link for ${s}`],
  ["staff.password_set", () => "set their password"],
  ["profile.name", () => "changed their name"],
  ["profile.password", () => "changed their password"],
  ["media.upload", () => "uploaded a photograph"],
]);

function detail(details: unknown, key: string): unknown {
  return details && typeof details === "object" && Object.hasOwn(details, key) ? (details as Record<string, unknown>)[key] : undefined;
}

// "a correction" / "a clarification" from a note row's details.
function noteKind(details: unknown): string {
  return detail(details, "kind") === "clarification" ? "a clarification" : "a correction";
}

function roleOf(details: unknown): string | null {
  const role = details && typeof details === "object" && "role" in details ? (details as { role: unknown }).role : null;
  return typeof role === "string" ? role : null;
}

/** " on 2026-12-03 09:00 UTC" from an expiry's details (the log is in UTC). */
function whenOf(details: unknown, lead = " on "): string {
  const at = details && typeof details === "object" && "expiresAt" in details ? (details as { expiresAt: unknown }).expiresAt : null;
  return typeof at === "string" ? `${lead}${at.slice(0, 16).replace("T", " ")} UTC` : "";
}

function messageOf(details: unknown): string | null {
  const message = details && typeof details === "object" && "message" in details ? (details as { message: unknown }).message : null;
  return typeof message === "string" ? message : null;
}

/** The sentence for one audit row. */
export function describeAudit(row: AuditRowFacts): AuditSentence {
  // Outside reviewers have no account: a comment is theirs by the name they gave.
  const outside = row.action === "review_link.comment" ? `${detail(row.details, "name") ?? "Someone"} (outside reviewer)` : row.action === "review_link.view" ? "Someone" : null;
  const who = row.actor ?? outside ?? (row.action === "sign_in.failed" ? "Someone" : row.action === "article.expire" ? "The scheduler" : "The system");
  const article = row.articleId ? { id: row.articleId, title: row.articleTitle || "Untitled draft" } : null;
  const base = { who, article, reason: null, refused: false };
  if (row.action === "sign_in.failed") {
    return { ...base, article: null, before: row.subject ? `failed to sign in as ${row.subject}` : "failed to sign in", after: "", refused: true };
  }
  const refusedMatch = /^article\.([a-z_]+)\.refused$/.exec(row.action);
  if (refusedMatch) {
    const verb = TRIED.get(refusedMatch[1]!) ?? refusedMatch[1]!.replace(/_/g, " ");
    return { ...base, before: `tried to ${verb}`, after: article ? "" : " an article that does not exist", refused: true, reason: messageOf(row.details) };
  }
  const phrase = ARTICLE_PHRASES.get(row.action);
  if (phrase) {
    const [before, after = ""] = phrase(row);
    return { ...base, before, after };
  }
  const person = PERSON_PHRASES.get(row.action);
  if (person) return { ...base, before: person(row, row.subject ?? "a deleted account"), after: "" };
  return { ...base, before: `did ${row.action}${row.subject ? ` (${row.subject})` : ""}`, after: "" };
}
