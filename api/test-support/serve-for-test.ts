/**
 * The server process as `npm start` runs it (same settings, composition, listening and
 * SIGTERM drain: api/http/server-lifecycle.ts) minus the web app, which needs a build
 * that `npm test` does not make. Tests spawn it (server-process.ts) to have real,
 * separate processes: several instances on one database, and signals.
 */
import { compose } from "../composition.js";
import { runServer } from "../http/server-lifecycle.js";

await runServer({ web: false, compose });

// The test holds our stdin open. If it dies without stopping us, nobody reads our output
// any more (a log line would block), so leave at once rather than drain.
process.stdin.on("end", () => process.exit(2));
process.stdin.resume();
