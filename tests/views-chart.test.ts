import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ViewsChart } from "@/components/newsroom/views-chart";
import { lastDays } from "@/lib/newsroom/views";

describe("views chart", () => {
  const days = lastDays(30, Date.UTC(2026, 2, 18, 12));

  it("covers 30 days ending today, oldest first", () => {
    expect(days).toHaveLength(30);
    expect(days[0]).toBe("2026-02-17");
    expect(days.at(-1)).toBe("2026-03-18");
  });

  it("is an image with a title and summary, and a table of the same numbers", () => {
    const data = days.map((day, i) => ({ day, views: i === 29 ? 1234 : i }));
    const html = renderToStaticMarkup(createElement(ViewsChart, { data }));
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="views-chart-title views-chart-desc"');
    expect(html).toContain("<title id=\"views-chart-title\">Views per day, last 30 days</title>");
    expect(html).toContain("1,640 views in all; the most on March 18 (1,234).");
    expect(html.match(/<rect /g)).toHaveLength(30);
    expect(html.match(/<tr /g)).toHaveLength(30);
    expect(html).toContain('<th scope="row" class="py-1 font-normal"><time dateTime="2026-03-18">March 18</time></th>');
  });

  it("says so when nothing was read", () => {
    const html = renderToStaticMarkup(createElement(ViewsChart, { data: days.map((day) => ({ day, views: 0 })) }));
    expect(html).toContain("No views in this period.");
  });
});
