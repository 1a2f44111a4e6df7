/** `npm start`: read the settings, compose the service, listen, and shut down cleanly (http/server-lifecycle.ts). */
import { runServer } from "./http/server-lifecycle.js";

await runServer({ web: true });
