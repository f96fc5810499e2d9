import { describe, expect, it } from "vitest";
import { describeAudit, type AuditRowFacts } from "@/lib/newsroom/audit-sentence";

// The audit log reads as sentences: who did what to which article, refusals marked.
const row = (over: Partial<AuditRowFacts>): AuditRowFacts => ({ action: "article.approve", actor: "Ana Reviser", subject: null, articleId: 7, articleTitle: "Coral reefs", fromState: "in_review", toState: "published", details: null, ...over });
const text = (r: AuditRowFacts) => {
  const s = describeAudit(r);
  return `${s.refused ? "[refused] " : ""}${s.who} ${s.before}${s.article ? ` “${s.article.title}”` : ""}${s.after}${s.reason ? ` — ${s.reason}` : ""}`;
};

describe("audit sentences", () => {
  it("names the person, the act and the article", () => {
    expect(text(row({}))).toBe("Ana Reviser published “Coral reefs”");
    expect(text(row({ action: "article.submit", actor: "Maya" }))).toBe("Maya sent “Coral reefs” for review");
    expect(text(row({ action: "article.delete" }))).toBe("Ana Reviser moved “Coral reefs” to the trash");
    expect(text(row({ action: "article.restore_deleted" }))).toBe("Ana Reviser restored “Coral reefs” from the trash");
    expect(text(row({ action: "article.publish_due", actor: null }))).toBe("The system published “Coral reefs” at its scheduled time");
    expect(text(row({ action: "article.create", articleTitle: "" }))).toBe("Ana Reviser started the draft “Untitled draft”");
    expect(text(row({ action: "assignment.create", subject: "Maya" }))).toBe("Ana Reviser assigned “Coral reefs” to Maya");
    expect(text(row({ action: "assignment.move" }))).toBe("Ana Reviser moved the due date of “Coral reefs”");
    expect(text(row({ action: "assignment.update" }))).toBe("Ana Reviser changed the assignment of “Coral reefs”");
    expect(text(row({ action: "article.reschedule" }))).toBe("Ana Reviser rescheduled “Coral reefs”");
    expect(text(row({ action: "article.cancel_schedule" }))).toBe("Ana Reviser cancelled the schedule of “Coral reefs”");
    expect(text(row({ action: "article.undo_unpublish" }))).toBe("Ana Reviser undid the unpublishing of “Coral reefs”");
    expect(text(row({ action: "article.reschedule.refused", details: { code: "forbidden", message: "You drafted this." } }))).toBe("[refused] Ana Reviser tried to reschedule “Coral reefs” — You drafted this.");
  });

  it("tells corrections apart from edits: added, published (at once or with the approval), withdrawn with the reason", () => {
    expect(text(row({ action: "note.add", details: { kind: "correction", live: true } }))).toBe("Ana Reviser added a correction to “Coral reefs”");
    expect(text(row({ action: "note.add", details: { kind: "clarification", live: false } }))).toBe("Ana Reviser added a clarification to “Coral reefs” (to go live with the next approval)");
    expect(text(row({ action: "note.publish", details: { kind: "correction", withApproval: true } }))).toBe("Ana Reviser published a correction to “Coral reefs” with its approval");
    expect(text(row({ action: "note.withdraw", details: { kind: "correction", reason: "Wrong article." } }))).toBe("Ana Reviser withdrew a correction from “Coral reefs”: “Wrong article.”");
    expect(text(row({ action: "article.add_note.refused", actor: "Maya", details: { code: "forbidden", message: "Only revisers." } }))).toBe("[refused] Maya tried to add a correction or clarification to “Coral reefs” — Only revisers.");
  });

  it("marks refused attempts and says why", () => {
    expect(text(row({ action: "article.approve.refused", details: { code: "forbidden", message: "You drafted this." } }))).toBe("[refused] Ana Reviser tried to publish “Coral reefs” — You drafted this.");
    expect(text(row({ action: "article.unpublish.refused", articleId: null, articleTitle: null }))).toBe("[refused] Ana Reviser tried to unpublish an article that does not exist");
    expect(text(row({ action: "sign_in.failed", actor: null, subject: "Maya", articleId: null }))).toBe("[refused] Someone failed to sign in as Maya");
  });

  it("tells outside review links apart: made, opened, commented through, revoked", () => {
    expect(text(row({ action: "review_link.create", details: { linkId: 1, label: "Prof. Ada Smith, quotes" } }))).toBe("Ana Reviser made an outside review link to “Coral reefs” (for Prof. Ada Smith, quotes)");
    expect(text(row({ action: "review_link.create", details: { linkId: 1, label: "" } }))).toBe("Ana Reviser made an outside review link to “Coral reefs”");
    expect(text(row({ action: "review_link.view", actor: null, details: { linkId: 1, label: "Ada" } }))).toBe("Someone opened “Coral reefs” through an outside review link (for Ada)");
    expect(text(row({ action: "review_link.comment", actor: null, details: { linkId: 1, name: "Ada Smith" } }))).toBe("Ada Smith (outside reviewer) left an outside comment on “Coral reefs” through a review link");
    expect(text(row({ action: "review_link.revoke" }))).toBe("Ana Reviser revoked an outside review link to “Coral reefs”");
  });

  it("describes staff changes with the person they concern, and unknown actions by their code", () => {
    expect(text(row({ action: "staff.role", subject: "Tomas", fromState: "drafter", toState: "reviser", articleId: null }))).toBe("Ana Reviser changed the role of Tomas from drafter to reviser");
    expect(text(row({ action: "staff.add", subject: "Tomas", details: { role: "drafter" }, articleId: null }))).toBe("Ana Reviser added Tomas as drafter");
    expect(text(row({ action: "constructor", articleId: null }))).toBe("Ana Reviser did constructor");
  });
});
