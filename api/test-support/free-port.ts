import { createServer, type AddressInfo } from "node:net";

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, for a server that must know its own
 * address (APP_URL) before it listens: the browser journeys and the benchmarks' servers.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}
