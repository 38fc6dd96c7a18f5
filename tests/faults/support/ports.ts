import { createServer } from "node:net";

/** The first port from `first` on that nothing listens on at 127.0.0.1 (the suite's range: FAULTS_PORT_BASE). */
export async function freePort(first: number, tries = 100): Promise<number> {
  for (let port = first; port < first + tries; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${first}–${first + tries - 1}.`);
}
