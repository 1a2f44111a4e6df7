/**
 * A few demo sessions so a fresh `npm start` has something to browse. Only ever called
 * for the embedded database: demo rows must never land in a real PostgreSQL.
 */
import type { Logger } from "pino";
import { getDemoUser, type DemoUserKey } from "../auth0/demo-users.js";
import type { ServiceDeps } from "../../domain/deps.js";
import type { Services } from "../../domain/services.js";
import { listSessions } from "../../repositories/sessions.js";

const HOUR = 60 * 60 * 1000;

const DEMO_SESSIONS: { expert: DemoUserKey; inHours: number; lengthMinutes: number; input: Record<string, unknown> }[] = [
  {
    expert: "deepak",
    inHours: 20,
    lengthMinutes: 60,
    input: {
      title: "Morning Vinyasa Flow",
      description: "Start your day with an energizing vinyasa practice.",
      sessionType: "group",
      maxParticipants: 50,
      price: 499,
      currency: "INR",
      metadata: { category: "Vinyasa", difficulty: "Intermediate", equipment: ["Yoga Mat", "Blocks"], tags: ["morning", "energizing"] },
    },
  },
  {
    expert: "deepak",
    inHours: 2,
    lengthMinutes: 45,
    input: {
      title: "Gentle Hatha for Beginners",
      description: "Slow, grounding postures and breath work. No experience needed.",
      sessionType: "group",
      maxParticipants: 30,
      price: 0,
      metadata: { category: "Hatha", difficulty: "Beginner", equipment: ["Yoga Mat"], tags: ["gentle"] },
    },
  },
  {
    expert: "meera",
    inHours: 28,
    lengthMinutes: 90,
    input: {
      title: "Yin & Pranayama Workshop",
      description: "Long holds and breathing techniques for deep release.",
      sessionType: "workshop",
      maxParticipants: 20,
      price: 899,
      currency: "INR",
      metadata: { category: "Yin", difficulty: "All levels", equipment: ["Yoga Mat", "Bolster"], tags: ["evening", "breath"] },
    },
  },
  {
    expert: "meera",
    inHours: 5,
    lengthMinutes: 30,
    input: {
      title: "Private Alignment Check",
      description: "One-on-one feedback on your standing poses.",
      sessionType: "1-on-1",
      price: 1500,
      currency: "INR",
      metadata: { category: "Alignment", difficulty: "Intermediate" },
    },
  },
];

export async function seedDemoData(deps: ServiceDeps, services: Services, logger: Logger): Promise<void> {
  const existing = await listSessions(deps.db, { filter: {}, limit: 1, skip: 0 });
  if (existing.total > 0) return;
  const now = deps.clock.now().getTime();
  for (const demo of DEMO_SESSIONS) {
    const user = getDemoUser(demo.expert);
    const viewer = await services.resolveViewer({ subject: user.sub, name: user.name, email: user.email, picture: user.picture, roles: [...user.roles] });
    const start = new Date(Math.ceil((now + demo.inHours * HOUR) / (15 * 60_000)) * 15 * 60_000);
    await services.createSession(viewer, {
      ...demo.input,
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + demo.lengthMinutes * 60_000).toISOString(),
    });
  }
  logger.info({ sessions: DEMO_SESSIONS.length }, "LOCAL STAND-IN: demo sessions added to the embedded database");
}
