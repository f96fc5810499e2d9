import type { ArticleStatus } from "@/lib/articles/status";
import type { WorkflowAction } from "@/lib/workflow";

/*
 * What the workflow says to people: the confirmation before a public or destructive step (what
 * will happen, in plain words) and the message after a transition.
 */

/** What the copy needs to know of the piece. */
export interface PieceFacts {
  title: string;
  slug: string;
  topics: string[];
  siteUrl: string;
  status: ArticleStatus;
  isLive: boolean;
  scheduledForText: string | null;
  timeZone: string;
}

export interface Confirmation {
  title: string;
  body: string[];
  confirm: string;
  cancel: string;
}

const quoted = (title: string) => `“${title.trim() || "Untitled"}”`;

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The confirmation for an action that asks first. */
export function confirmationFor(action: WorkflowAction, piece: PieceFacts): Confirmation {
  const url = `${piece.siteUrl}/news/${piece.slug}`;
  const topics = piece.topics.length ? ` and in ${list(piece.topics)}` : "";
  switch (action) {
    case "unpublish":
      return piece.isLive
        ? {
            title: "Unpublish this article?",
            body: [
              `${quoted(piece.title)} leaves the public site now: its page ${url} answers 404 (not found), and it disappears from the home page${topics}, search, the feeds and the sitemap.`,
              "The text stays in the newsroom. For 30 seconds you can undo this and put back exactly the version that was live.",
            ],
            confirm: "Unpublish now",
            cancel: "Keep it live",
          }
        : {
            title: "Take this article off the schedule?",
            body: [`${quoted(piece.title)} will not go live${piece.scheduledForText ? ` on ${piece.scheduledForText}` : ""}. It becomes unpublished; “Edit again” starts a new version.`],
            confirm: "Unpublish now",
            cancel: "Keep it scheduled",
          };
    case "cancel_schedule":
      return {
        title: "Cancel the scheduled publication?",
        body: [
          `${quoted(piece.title)} will not go live${piece.scheduledForText ? ` on ${piece.scheduledForText}` : ""}. It goes back to review, where it can be edited and then approved again.`,
          ...(piece.isLive ? [`The version now live at ${url} stays as it is.`] : []),
        ],
        confirm: "Cancel the schedule",
        cancel: "Keep the schedule",
      };
    default:
      return piece.isLive
        ? {
            title: "Publish this new version?",
            body: [`The live version of ${quoted(piece.title)} at ${url} is replaced by this one now, on the home page${topics}, in search and in the feeds.`],
            confirm: "Publish now",
            cancel: "Not yet",
          }
        : {
            title: "Publish this article?",
            body: [`${quoted(piece.title)} goes live now at ${url}, on the home page${topics}. Search, the feeds and the sitemap show it at once.`],
            confirm: "Publish now",
            cancel: "Not yet",
          };
  }
}

/** The confirmation shown (in a live region) after a transition succeeded. */
export function doneMessage(action: WorkflowAction, piece: PieceFacts, when: string): string {
  const t = quoted(piece.title);
  switch (action) {
    case "submit":
      return `Sent for review: revisers have been told about ${t}. You can withdraw it until someone acts on it.`;
    case "withdraw":
      return `Withdrawn: ${t} is a draft again and you can keep editing.`;
    case "request_changes":
      return `Sent back to the drafter with your comment.`;
    case "approve":
      return `Published: ${t} is live now.`;
    case "schedule":
      return `Approved: ${t} goes live on ${when.replace("T", " at ")} (${piece.timeZone} time).`;
    case "reschedule":
      return `New time saved: ${t} goes live on ${when.replace("T", " at ")} (${piece.timeZone} time).`;
    case "cancel_schedule":
      return `Schedule cancelled: ${t} is back in review and can be edited.`;
    case "unpublish":
      return piece.isLive ? `Unpublished: ${t} is off the public site.` : `Unpublished: ${t} will not go live.`;
    case "undo_unpublish":
      return `Undone: ${t} is live again, exactly as it was.`;
    case "edit_again":
      return piece.isLive ? `New version started: the live page stays as it is until this one is approved.` : `New version started: edit it, then send it for review.`;
  }
}

/** A datetime-local value (a wall-clock time in the newsroom's zone) as "Dec 3, 2026, 9:00 AM (UTC time)". */
export function localText(local: string, timeZone: string): string {
  // The value is already the wall-clock time: format it as if UTC so no zone shifts it again.
  const wall = new Date(`${local.length === 16 ? `${local}:00` : local}Z`);
  const words = Number.isNaN(wall.getTime()) ? local.replace("T", " at ") : new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(wall);
  return `${words} (${timeZone} time)`;
}

/** The confirmation before setting, changing or removing an expiry. */
export function expiryConfirmation(kind: "set" | "remove", piece: PieceFacts, whenText: string): Confirmation {
  const url = `${piece.siteUrl}/news/${piece.slug}`;
  if (kind === "remove") {
    return {
      title: "Remove the expiry?",
      body: [`${quoted(piece.title)} will not leave the site on ${whenText}. It stays ${piece.isLive ? "live" : "on the site once published"} until someone unpublishes it.`],
      confirm: "Remove expiry",
      cancel: "Keep the expiry",
    };
  }
  const topics = piece.topics.length ? `, ${list(piece.topics)}` : "";
  return {
    title: "Set this article to expire?",
    body: [
      `On ${whenText} ${quoted(piece.title)} leaves the public site by itself: its page ${url} answers 404 (not found), and it disappears from the home page${topics}, search, the feeds and the sitemap.`,
      "The text stays in the newsroom, where it can be edited and published again.",
    ],
    confirm: "Set expiry",
    cancel: "Not now",
  };
}
