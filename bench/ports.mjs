// Ports for the benchmark's servers. Other people's tools on this machine default to the same
// ports; a server that cannot listen exits, and a health check would then be answered by the
// other one — so the benchmark takes a block of ports that are free on every interface.
import net from "node:net";

function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    // No host: the app listens on every interface, so a port taken on any of them is taken.
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/** The first block of `count` consecutive free ports from `start` (stepping by 10). */
export async function freePortBlock(start, count) {
  for (let first = start; first < start + 500; first += 10) {
    const free = await Promise.all(Array.from({ length: count }, (_, i) => isFree(first + i)));
    if (free.every(Boolean)) return first;
  }
  throw new Error(`no ${count} free ports from ${start}; set BENCH_PORT`);
}
