/**
 * Domain services on a real database and the real 100ms adapter against the local
 * emulator, with a fixed clock: the service-test layer of the pyramid.
 */
import pino from "pino";
import { getDemoUser, type DemoUserKey } from "../stand-ins/auth0/demo-users.js";
import type { ServiceDeps } from "../domain/deps.js";
import { createServices, type Services } from "../domain/services.js";
import type { RateLimitPolicy } from "../domain/rate-limits/rate-limits.js";
import type { Viewer } from "../domain/viewer.js";
import { startHmsEmulator, type HmsEmulator } from "../stand-ins/hms-emulator/index.js";
import { createHmsVideoProvider } from "../video/hms-video-provider.js";
import { createTestClock, type TestClock } from "./test-clock.js";
import { startTestPayments } from "./payments.js";
import type { PaymentStandIns } from "../stand-ins/payments/index.js";
import type { TestDatabase } from "./test-database.js";

export interface ServiceHarness {
  services: Services;
  deps: ServiceDeps;
  clock: TestClock;
  emulator: HmsEmulator;
  /** The local Stripe and Razorpay stand-ins the services verify payments with. */
  payments: PaymentStandIns;
  viewer(key: DemoUserKey): Promise<Viewer>;
  student(n: number): Promise<Viewer>;
  close(): Promise<void>;
}

/** Tests make many sessions per user; the rate-limit tests set their own limits. */
const UNLIMITED: RateLimitPolicy = { createSession: { max: 1e6, windowMs: 3_600_000 }, enroll: { max: 1e6, windowMs: 3_600_000 }, joinToken: { max: 1e6, windowMs: 3_600_000 } };

export const HMS_TEST_CREDENTIALS = { accessKey: "test-access-key", secret: "test-app-secret-0123456789", templateId: "65f0c0ffee0000000000beef" };

export async function startServiceHarness(database: TestDatabase, opts: { hmsTimeoutMs?: number; paymentTimeoutMs?: number } = {}): Promise<ServiceHarness> {
  const clock = createTestClock();
  // The emulator checks token times against real time; our clock only drives the domain.
  const emulator = await startHmsEmulator({ ...HMS_TEST_CREDENTIALS, logger: { info() {}, warn() {} } });
  const video = createHmsVideoProvider({ ...HMS_TEST_CREDENTIALS, baseUrl: emulator.url, timeoutMs: opts.hmsTimeoutMs ?? 2000 });
  const payments = await startTestPayments({ timeoutMs: opts.paymentTimeoutMs });
  const deps: ServiceDeps = { payments: payments.setup, db: database.db, clock, video, logger: pino({ level: "silent" }), rateLimits: UNLIMITED };
  const services = createServices(deps);
  return {
    services,
    deps,
    clock,
    emulator,
    payments: payments.standIns,
    viewer: (key) => {
      const u = getDemoUser(key);
      return services.resolveViewer({ subject: u.sub, name: u.name, email: u.email, picture: u.picture, roles: [...u.roles] });
    },
    student: (n) => services.resolveViewer({ subject: `test|student-${n}`, name: `Student ${n}`, email: `student${n}@example.com`, roles: [] }),
    close: async () => {
      await Promise.all([emulator.close(), payments.standIns.close()]);
    },
  };
}

/** A valid createSession input starting `inHours` after the clock's now. */
export function sessionInput(clock: TestClock, overrides: Record<string, unknown> = {}, inHours = 24): Record<string, unknown> {
  const start = new Date(clock.now().getTime() + inHours * 3_600_000);
  return {
    title: "Morning Vinyasa Flow",
    description: "Start your day with an energizing vinyasa practice",
    sessionType: "group",
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
    maxParticipants: 50,
    price: 0,
    currency: "INR",
    ...overrides,
  };
}
