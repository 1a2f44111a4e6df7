/** `npm start`: read the settings, compose the service, listen, and shut down cleanly (http/server-lifecycle.ts). */
import { compose } from "./composition.js";
import { runServer } from "./http/server-lifecycle.js";

await runServer({ web: true, compose });
