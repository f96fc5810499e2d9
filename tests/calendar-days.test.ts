import { describe, expect, it } from "vitest";
import { addDays, calendarRange, dayOf, formatDue, isDay, overdueText, rangeInstants, weekdayIndex } from "@/lib/newsroom/calendar-days";

// Calendar days in the newsroom's zone: the month and week grids and their edges, DST included.
describe("calendar ranges", () => {
  it("a month view is whole weeks from the Monday before the 1st to the Sunday after the last day", () => {
    const december = calendarRange("month", "2026-12-17");
    expect(december.days[0]).toBe("2026-11-30"); // 1 December 2026 is a Tuesday
    expect(december.days.at(-1)).toBe("2027-01-03");
    expect(december.days).toHaveLength(35);
    expect(december.month).toBe("2026-12-01");
    expect([december.previous, december.next]).toEqual(["2026-11-01", "2027-01-01"]);
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(calendarRange("month", "2027-02-10").days).toHaveLength(28);
    expect(calendarRange("month", "2027-01-31").previous).toBe("2026-12-01");
  });

  it("a week view is Monday to Sunday around the day; previous and next move by seven days", () => {
    const week = calendarRange("week", "2026-12-03");
    expect(week.days).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect([week.previous, week.next]).toEqual(["2026-11-26", "2026-12-10"]);
    expect(calendarRange("week", "2026-12-06").days[0]).toBe("2026-11-30"); // a Sunday belongs to the week before
  });

  it("turns the range into instants at midnight in the zone, across a DST change", () => {
    const { from, to } = rangeInstants(calendarRange("week", "2026-03-25"), "Europe/Amsterdam");
    expect(from.toISOString()).toBe("2026-03-22T23:00:00.000Z"); // Monday 23 March, CET
    expect(to.toISOString()).toBe("2026-03-29T22:00:00.000Z"); // Monday 30 March, CEST
  });

  it("knows real days and weekdays", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-31")).toBe(false);
    expect(isDay("2026-2-3")).toBe(false);
    expect(weekdayIndex("2026-12-03")).toBe(3);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("due dates in the newsroom's zone", () => {
  const zone = "America/New_York";
  const due = new Date("2026-12-03T22:00:00Z"); // 17:00 in New York

  it("reads the due time as the newsroom does", () => {
    expect(formatDue(due, zone)).toBe("Thursday 3 December, 17:00");
    expect(dayOf(due, zone)).toBe("2026-12-03");
    expect(dayOf(due, "Europe/Amsterdam")).toBe("2026-12-03");
    expect(dayOf(new Date("2026-12-04T02:00:00Z"), zone)).toBe("2026-12-03"); // still Thursday evening there
  });

  it("is not overdue until the due time; then late by hours that day, by calendar days after", () => {
    expect(overdueText(due, new Date("2026-12-03T21:59:00Z"), zone)).toBeNull();
    expect(overdueText(due, due, zone)).toBeNull();
    expect(overdueText(due, new Date("2026-12-03T22:10:00Z"), zone)).toBe("Overdue by 10 minutes");
    expect(overdueText(due, new Date("2026-12-04T01:30:00Z"), zone)).toBe("Overdue by 3 hours"); // 20:30 the same day there
    expect(overdueText(due, new Date("2026-12-04T05:30:00Z"), zone)).toBe("Overdue by 1 day"); // 00:30 on Friday there
    expect(overdueText(due, new Date("2026-12-05T14:00:00Z"), zone)).toBe("Overdue by 2 days");
  });
});
