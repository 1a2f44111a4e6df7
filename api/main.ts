/** `npm start`: read the settings, compose the service, listen, and shut down cleanly. */
import type { Server } from "node:http";
import { compose } from "./composition.js";
import { EnvError, loadEnv } from "./config/env.js";
import { createLogger } from "./logger.js";

let env;
try {
  env = loadEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`Cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(env.LOG_LEVEL);
const composition = await compose(env, { logger, sweeper: true, web: true });
const server: Server = composition.app.listen(env.PORT, env.HOST ?? "0.0.0.0", () => {
  composition.listening(server);
  logger.info({ url: env.APP_URL, graphql: `${env.APP_URL}/graphql` }, "Live Sessions is listening");
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: finishing in-flight requests");
  // Stop accepting, let open requests finish, then release the database and stand-ins.
  server.close(() => {
    logger.info("http server closed");
    void composition.close().then(() => {
      logger.info("stopped");
      process.exit(0);
    });
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 15_000).unref();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
