/** The payment settings: which gateways are real, and when the local stand-ins take their place. */
import { describe, expect, it } from "vitest";
import { PRODUCTION_ENV } from "../test-support/production-env.js";
import { EnvError, loadEnv } from "./env.js";

const PRODUCTION = PRODUCTION_ENV;

const refusal = (source: Record<string, string>) => {
  try {
    loadEnv(source);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as Error).message;
  }
  throw new Error("expected an EnvError");
};

describe("payment settings", () => {
  it("outside production with no gateway key, the local stand-ins take both gateways; LOCAL_PAYMENTS=false turns them off", () => {
    expect(loadEnv({}).payments).toEqual({ local: true, timeoutMs: 10_000, razorpayCurrencies: ["INR"], stripe: undefined, razorpay: undefined });
    expect(loadEnv({ LOCAL_PAYMENTS: "false" }).payments).toMatchObject({ local: false, stripe: undefined, razorpay: undefined });
  });

  it("any real key means real gateways only: the others are not configured, never a stand-in", () => {
    const env = loadEnv({ STRIPE_SECRET_KEY: "sk_test_123", STRIPE_PUBLISHABLE_KEY: "pk_test_123", PAYMENT_TIMEOUT_MS: "5000", RAZORPAY_CURRENCIES: "inr, usd" });
    expect(env.payments).toEqual({
      local: false,
      stripe: { secretKey: "sk_test_123", publishableKey: "pk_test_123" },
      razorpay: undefined,
      timeoutMs: 5000,
      razorpayCurrencies: ["INR", "USD"],
    });
    expect(loadEnv({ RAZORPAY_KEY_ID: "rzp_test_1", RAZORPAY_KEY_SECRET: "s" }).payments).toMatchObject({ local: false, razorpay: { keyId: "rzp_test_1", keySecret: "s" } });
  });

  it("production never runs the stand-ins, and runs without gateways (priced sessions are then refused)", () => {
    expect(loadEnv(PRODUCTION).payments).toMatchObject({ local: false, stripe: undefined, razorpay: undefined });
    expect(refusal({ ...PRODUCTION, LOCAL_PAYMENTS: "true" })).toMatch(/LOCAL_PAYMENTS=true .* never run in production/);
  });

  it("refuses half-configured gateways and bad values, naming the variables", () => {
    expect(refusal({ RAZORPAY_KEY_ID: "rzp_test_1" })).toMatch(/set both RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET/);
    expect(refusal({ STRIPE_PUBLISHABLE_KEY: "pk_test_1" })).toMatch(/STRIPE_PUBLISHABLE_KEY is set but STRIPE_SECRET_KEY is not/);
    expect(refusal({ STRIPE_SECRET_KEY: "sk_test_1", LOCAL_PAYMENTS: "true" })).toMatch(/beside real gateway keys/);
    expect(refusal({ PAYMENT_TIMEOUT_MS: "5" })).toMatch(/PAYMENT_TIMEOUT_MS/);
    expect(refusal({ LOCAL_PAYMENTS: "yes" })).toMatch(/LOCAL_PAYMENTS/);
  });
});
