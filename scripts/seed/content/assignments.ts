import type { DemoAssignment } from "./types";

/**
 * Stories the news desk has commissioned and not yet received: each becomes the drafter's draft
 * with its brief, due a few days after the seed runs (so the calendar and the dashboards show
 * them as work ahead, whenever the demo is started).
 */
export const demoAssignments: DemoAssignment[] = [
  {
    workingTitle: "Ice-breaker trial: can the harbour ferry run all winter?",
    brief:
      "The engineering faculty is testing a hull coating on the Ferry Road crossing this month. Talk to the project lead and a ferry crew, and find out what happens if the harbour freezes. 600–800 words, with a photo of the ferry.",
    drafter: "drafter2@example.edu",
    assignedBy: "reviser@example.edu",
    topic: "research",
    dueInDays: 4,
  },
  {
    workingTitle: "Exam season: where to study after the library closes",
    brief: "A practical guide for students: late study spaces, opening hours over the exam weeks, and where to get a hot drink after 22:00. Check every time with Estates.",
    drafter: "kwame.mensah@example.edu",
    assignedBy: "reviser@example.edu",
    topic: "campus-life",
    dueInDays: 2,
  },
];
