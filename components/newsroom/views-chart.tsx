import { formatCount } from "@/lib/format";
import type { DayViews } from "@/lib/newsroom/views";
import { plural } from "@/lib/newsroom/format";

interface ViewsChartProps {
  /** One entry per day, oldest first (lib/newsroom/views.ts `getArticleViewsChart`). */
  data: DayViews[];
  /** Distinguishes the ids when a page shows more than one chart. */
  id?: string;
  title?: string;
}

const WIDTH = 600;
const HEIGHT = 160;
const PAD = { top: 12, right: 8, bottom: 24, left: 40 };

function dayLabel(day: string, style: "short" | "long" = "short"): string {
  return new Intl.DateTimeFormat("en-US", { month: style === "short" ? "short" : "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * Views per day as a small bar chart. The SVG is one image with a title and a summary for
 * screen readers; the exact numbers are in a table under a disclosure for everyone.
 */
export function ViewsChart({ data, id = "views-chart", title = "Views per day, last 30 days" }: ViewsChartProps) {
  const total = data.reduce((sum, d) => sum + d.views, 0);
  const max = Math.max(1, ...data.map((d) => d.views));
  const peak = data.reduce<DayViews | null>((best, d) => (d.views > 0 && (!best || d.views > best.views) ? d : best), null);
  const summary =
    total === 0
      ? "No views in this period."
      : `${plural(total, "view")} in all; the most on ${dayLabel(peak!.day, "long")} (${formatCount(peak!.views)}).`;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, data.length);
  return (
    <figure aria-labelledby={`${id}-caption`} className="rounded-lg border border-slate-300 bg-white p-4">
      <figcaption id={`${id}-caption`} className="text-sm font-semibold text-slate-900">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="mt-2 h-auto w-full"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={PAD.left} y1={PAD.top + plotH} x2={WIDTH - PAD.right} y2={PAD.top + plotH} stroke="#64748b" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="#334155">
          {formatCount(max)}
        </text>
        <text x={PAD.left - 6} y={PAD.top + plotH} textAnchor="end" fontSize="11" fill="#334155">
          0
        </text>
        {data.map((d, i) => {
          const h = (d.views / max) * plotH;
          return (
            <rect key={d.day} x={PAD.left + i * slot + 1} y={PAD.top + plotH - h} width={Math.max(1, slot - 2)} height={h} fill="#1f4e8c">
              <title>{`${dayLabel(d.day)}: ${formatCount(d.views)}`}</title>
            </rect>
          );
        })}
        {data.length > 0 && (
          <>
            <text x={PAD.left} y={HEIGHT - 6} fontSize="11" fill="#334155">
              {dayLabel(data[0]!.day)}
            </text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" fontSize="11" fill="#334155">
              {dayLabel(data[data.length - 1]!.day)}
            </text>
          </>
        )}
      </svg>
      <p className="mt-2 text-sm text-slate-700">{summary}</p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-brand-800">Show the numbers</summary>
        <table className="mt-2 w-full max-w-xs text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 font-semibold">
                Day
              </th>
              <th scope="col" className="py-1 text-right font-semibold">
                Views
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day} className="border-t border-slate-200">
                <th scope="row" className="py-1 font-normal">
                  <time dateTime={d.day}>{dayLabel(d.day, "long")}</time>
                </th>
                <td className="py-1 text-right tabular-nums">{formatCount(d.views)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
