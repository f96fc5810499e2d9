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
  });

  it("marks refused attempts and says why", () => {
    expect(text(row({ action: "article.approve.refused", details: { code: "forbidden", message: "You drafted this." } }))).toBe("[refused] Ana Reviser tried to publish “Coral reefs” — You drafted this.");
    expect(text(row({ action: "article.unpublish.refused", articleId: null, articleTitle: null }))).toBe("[refused] Ana Reviser tried to unpublish an article that does not exist");
    expect(text(row({ action: "sign_in.failed", actor: null, subject: "Maya", articleId: null }))).toBe("[refused] Someone failed to sign in as Maya");
  });

  it("describes staff changes with the person they concern, and unknown actions by their code", () => {
    expect(text(row({ action: "staff.role", subject: "Tomas", fromState: "drafter", toState: "reviser", articleId: null }))).toBe("Ana Reviser changed the role of Tomas from drafter to reviser");
    expect(text(row({ action: "staff.add", subject: "Tomas", details: { role: "drafter" }, articleId: null }))).toBe("Ana Reviser added Tomas as drafter");
    expect(text(row({ action: "constructor", articleId: null }))).toBe("Ana Reviser did constructor");
  });
});
