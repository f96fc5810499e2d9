import { formatDateTime } from "@/lib/time";

interface Props {
  siteName: string;
  pinned: boolean;
  expiresAt: string;
  timeZone: string;
}

/** The top of a review page: whose site, and, unmistakably, that this is an unpublished draft. */
export function ReviewBanner({ siteName, pinned, expiresAt, timeZone }: Props) {
  return (
    <header className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-3xl flex-col gap-1 px-4 py-4">
        <p className="font-serif text-lg font-bold text-brand-900">{siteName}</p>
        <p role="note" className="text-xl font-bold text-amber-950">
          Draft for review — not published
        </p>
        <p className="text-sm text-amber-950">
          {pinned ? "This is the version the newsroom shared with you; later edits do not show here." : "This shows the newsroom’s latest working copy; it may change while you read."}{" "}
          Please do not pass the link on. It works until {formatDateTime(new Date(expiresAt), timeZone)} ({timeZone} time).
        </p>
      </div>
    </header>
  );
}
