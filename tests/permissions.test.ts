import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { can, CAPABILITIES, type Capability, type CurrentUser } from "@/lib/permissions";

// The expected table, written out independently of lib/permissions.ts: every role × capability.
const EXPECTED: Record<Capability, Role[]> = {
  "newsroom.enter": ["drafter", "reviser", "admin"],
  "profile.edit": ["drafter", "reviser", "admin"],
  "article.create": ["drafter", "reviser", "admin"],
  "article.edit_own_draft": ["drafter", "reviser", "admin"],
  "article.submit": ["drafter", "reviser", "admin"],
  "article.withdraw": ["drafter", "reviser", "admin"],
  "article.read_all": ["reviser", "admin"],
  "article.edit_in_review": ["reviser", "admin"],
  "article.request_changes": ["reviser", "admin"],
  "article.approve": ["reviser", "admin"],
  "article.unpublish": ["reviser", "admin"],
  "article.correct": ["reviser", "admin"],
  "article.restore": ["admin"],
  "article.delete_own_draft": ["drafter", "reviser", "admin"],
  "article.delete": ["reviser", "admin"],
  "media.upload": ["drafter", "reviser", "admin"],
  "comment.create": ["drafter", "reviser", "admin"],
  "review_link.manage": ["drafter", "reviser", "admin"],
  "topic.manage": ["reviser", "admin"],
  "assignment.manage": ["reviser", "admin"],
  "staff.manage": ["admin"],
  "audit.read": ["admin"],
};

const person = (role: Role, id = 1): CurrentUser => ({ id, role, name: "P", email: "p@example.edu" });

describe("the role → capability table", () => {
  it("names every capability in the expected table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CAPABILITIES].sort());
  });

  for (const role of ROLES) {
    for (const capability of CAPABILITIES) {
      const allowed = EXPECTED[capability].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${capability}`, () => {
        expect(can(person(role), capability)).toBe(allowed);
      });
    }
  }

  it("refuses everything to nobody", () => {
    for (const capability of CAPABILITIES) expect(can(null, capability)).toBe(false);
  });
});

describe("article-level rules", () => {
  const own = { status: "in_review" as const, drafterIds: [1] };
  const other = { status: "in_review" as const, drafterIds: [2] };

  it("four eyes: nobody approves or sends back a piece they drafted", () => {
    for (const role of ["reviser", "admin"] as const) {
      expect(can(person(role), "article.approve", own)).toBe(false);
      expect(can(person(role), "article.request_changes", own)).toBe(false);
      expect(can(person(role), "article.approve", other)).toBe(true);
      expect(can(person(role), "article.request_changes", other)).toBe(true);
    }
  });

  it("own-article capabilities need the person to be a drafter of it", () => {
    for (const role of ROLES) {
      for (const capability of ["article.edit_own_draft", "article.submit", "article.withdraw", "article.delete_own_draft"] as const) {
        expect(can(person(role), capability, own)).toBe(true);
        expect(can(person(role), capability, other)).toBe(false);
      }
    }
  });

  it("outside review links: a drafter for her own piece only; revisers and admins for any", () => {
    expect(can(person("drafter"), "review_link.manage", own)).toBe(true);
    expect(can(person("drafter"), "review_link.manage", other)).toBe(false);
    for (const role of ["reviser", "admin"] as const) {
      expect(can(person(role), "review_link.manage", own)).toBe(true);
      expect(can(person(role), "review_link.manage", other)).toBe(true);
    }
  });

  it("a drafter cannot approve even someone else's piece", () => {
    expect(can(person("drafter"), "article.approve", other)).toBe(false);
  });
});
