import { describe, expect, it } from "vitest";
import { ARTICLE_STATUSES, ROLES, type ArticleStatus, type Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/permissions";
import { availableActions, canEdit, canRead, nextState, WORKFLOW_ACTIONS, type WorkflowAction } from "@/lib/workflow";

/*
 * The transition table written out independently: for each action, the from-states, who may
 * take it (drafter of the piece or not, by role) and where it leads. Every combination of
 * state × action × role × author-or-not is checked against lib/workflow.ts.
 */
type Who = { role: Role; isDrafter: boolean };
const EXPECTED: Record<WorkflowAction, { from: ArticleStatus[]; allowed: (w: Who) => boolean; to: (w: Who) => ArticleStatus }> = {
  submit: { from: ["draft", "changes_requested"], allowed: (w) => w.isDrafter, to: () => "in_review" },
  withdraw: { from: ["in_review"], allowed: (w) => w.isDrafter, to: () => "draft" },
  request_changes: { from: ["in_review"], allowed: (w) => w.role !== "drafter" && !w.isDrafter, to: () => "changes_requested" },
  approve: { from: ["in_review"], allowed: (w) => w.role !== "drafter" && !w.isDrafter, to: () => "published" },
  schedule: { from: ["in_review"], allowed: (w) => w.role !== "drafter" && !w.isDrafter, to: () => "scheduled" },
  reschedule: { from: ["scheduled"], allowed: (w) => w.role !== "drafter" && !w.isDrafter, to: () => "scheduled" },
  cancel_schedule: { from: ["scheduled"], allowed: (w) => w.role !== "drafter", to: () => "in_review" },
  unpublish: { from: ["published", "scheduled"], allowed: (w) => w.role !== "drafter", to: () => "unpublished" },
  undo_unpublish: { from: ["unpublished"], allowed: (w) => w.role !== "drafter", to: () => "published" },
  edit_again: { from: ["published", "unpublished"], allowed: (w) => w.isDrafter || w.role !== "drafter", to: (w) => (w.isDrafter ? "draft" : "in_review") },
};

const ME = 7;
const user = (role: Role): CurrentUser => ({ id: ME, role, name: "X", email: "x@example.edu" });

describe("every state × action × role × author-or-not", () => {
  for (const status of ARTICLE_STATUSES) {
    for (const action of WORKFLOW_ACTIONS) {
      for (const role of ROLES) {
        for (const isDrafter of [true, false]) {
          const rule = EXPECTED[action];
          const who = { role, isDrafter };
          const expected = rule.from.includes(status) && rule.allowed(who) ? rule.to(who) : null;
          it(`${status} · ${action} · ${role}${isDrafter ? " (drafter)" : ""} → ${expected ?? "refused"}`, () => {
            expect(nextState(user(role), { status, drafterIds: isDrafter ? [ME] : [99] }, action)).toBe(expected);
          });
        }
      }
    }
  }

  it("refuses everything to nobody", () => {
    for (const status of ARTICLE_STATUSES) for (const action of WORKFLOW_ACTIONS) expect(nextState(null, { status, drafterIds: [ME] }, action)).toBeNull();
  });

  it("offers the buttons that nextState allows", () => {
    expect(availableActions(user("reviser"), { status: "in_review", drafterIds: [99] })).toEqual(["request_changes", "approve", "schedule"]);
    expect(availableActions(user("reviser"), { status: "in_review", drafterIds: [ME] })).toEqual(["withdraw"]);
    expect(availableActions(user("drafter"), { status: "draft", drafterIds: [ME] })).toEqual(["submit"]);
    // On a live or scheduled piece the primary actions come first and Unpublish last.
    expect(availableActions(user("reviser"), { status: "published", drafterIds: [99] })).toEqual(["edit_again", "unpublish"]);
    expect(availableActions(user("reviser"), { status: "scheduled", drafterIds: [99] })).toEqual(["reschedule", "cancel_schedule", "unpublish"]);
    expect(availableActions(user("reviser"), { status: "scheduled", drafterIds: [ME] })).toEqual(["cancel_schedule", "unpublish"]);
  });
});

describe("reading and editing by state", () => {
  it("drafters read their own articles; revisers and admins read all", () => {
    expect(canRead(user("drafter"), { status: "draft", drafterIds: [ME] })).toBe(true);
    expect(canRead(user("drafter"), { status: "published", drafterIds: [99] })).toBe(false);
    expect(canRead(user("reviser"), { status: "draft", drafterIds: [99] })).toBe(true);
    expect(canRead(null, { status: "draft", drafterIds: [ME] })).toBe(false);
  });

  it("edits: own drafts and sent-back pieces; revisers under review; nobody a live or scheduled piece", () => {
    for (const status of ARTICLE_STATUSES) {
      for (const role of ROLES) {
        for (const isDrafter of [true, false]) {
          const facts = { status, drafterIds: isDrafter ? [ME] : [99] };
          const expected =
            ((status === "draft" || status === "changes_requested") && isDrafter) || (status === "in_review" && role !== "drafter");
          expect(canEdit(user(role), facts), `${status} ${role} ${isDrafter}`).toBe(expected);
        }
      }
    }
  });
});
