/**
 * `POST /api/webhooks/100ms`: where 100ms (or the local emulator) reports what happens in
 * rooms. 100ms signs nothing; the dashboard sends a secret header we check (docs/operations.md#webhooks).
 * 100ms retries anything but a 200 after 1, 3 and 10 s, so the answer is: 200 once the
 * delivery is applied, a duplicate, or of no interest; 400 for a body that will never
 * parse (retrying cannot help, but it is the honest answer); 401 for a wrong secret;
 * 503 while our database is unavailable and 500 when we failed (the retry may succeed).
 */
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import type { Logger } from "pino";
import { isDomainError } from "../domain/errors.js";
import { asDomainError } from "../errors-map.js";
import type { Services } from "../domain/services.js";
import { hmsDelivery } from "./hms-room-event.js";
import { secretMatches } from "./webhook-secret.js";

export const WEBHOOK_SECRET_HEADER = "x-webhook-secret";
const BODY_LIMIT = "1mb";

export interface HmsWebhookDeps {
  services: Pick<Services, "recordRoomEvent">;
  logger: Logger;
  /** HMS_WEBHOOK_SECRET; when undefined every delivery is refused. */
  secret: string | undefined;
}

export function createHmsWebhookRouter(deps: HmsWebhookDeps): Router {
  const router = express.Router();
  const log = deps.logger.child({ component: "hms-webhook" });

  // The secret is checked before the body is even read: a stranger's request costs nothing.
  const authenticate = (req: Request, res: Response, next: NextFunction) => {
    if (secretMatches(req.headers[WEBHOOK_SECRET_HEADER], deps.secret)) return next();
    log.warn({ requestId: req.id }, "100ms webhook refused: missing or wrong secret header");
    res.status(401).json({ error: `Missing or wrong ${WEBHOOK_SECRET_HEADER} header.` });
  };
  // 100ms sends JSON; read it as JSON whatever the content type says.
  const readJson = express.json({ limit: BODY_LIMIT, type: () => true, strict: false });

  router.post("/100ms", authenticate, readJson, async (req: Request, res: Response) => {
    try {
      // 100ms's format ends here: the domain receives its own event (domain/attendance/room-event.ts).
      const delivery = hmsDelivery(req.body);
      const result = await deps.services.recordRoomEvent(delivery);
      const eventId = delivery.eventId;
      if (result.outcome === "ignored") log.info({ eventId, type: result.type, reason: result.reason }, "100ms webhook ignored");
      else log.info({ eventId, type: result.type, sessionId: result.sessionId, outcome: result.outcome }, "100ms webhook");
      res.status(200).json({ received: true, outcome: result.outcome });
    } catch (error) {
      if (isDomainError(error) && error.code === "BAD_USER_INPUT") {
        log.warn({ requestId: req.id, err: error.message }, "100ms webhook refused: malformed body");
        res.status(400).json({ error: `Not a 100ms webhook: ${error.message}` });
        return;
      }
      if (asDomainError(error)?.code === "SERVICE_UNAVAILABLE") {
        log.warn({ requestId: req.id }, "100ms webhook not applied: the database is unavailable; 100ms will retry");
        res.status(503).json({ error: "The database is unavailable; the webhook will be retried." });
        return;
      }
      log.error({ requestId: req.id, err: error }, "100ms webhook failed; 100ms will retry");
      res.status(500).json({ error: "The webhook could not be processed; it will be retried." });
    }
  });

  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const type = (error as { type?: string }).type;
    const status = type === "entity.too.large" ? 413 : 400;
    log.warn({ requestId: req.id, type }, "100ms webhook refused: unreadable body");
    res.status(status).json({ error: status === 413 ? `The body is larger than ${BODY_LIMIT}.` : "The body is not valid JSON." });
  });
  return router;
}
