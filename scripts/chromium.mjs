// Debian's Chromium and the flags it needs here (no GPU, no background traffic into the closed
// network). Shared by Playwright, the benchmark and the Lighthouse audit.
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
