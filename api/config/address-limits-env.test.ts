/** The per-address limit settings and TRUST_PROXY, as loadEnv reads them. */
import { describe, expect, it } from "vitest";
import { PRODUCTION_ENV } from "../test-support/production-env.js";
import { EnvError, loadEnv } from "./env.js";

const trustProxy = (value: string | undefined) => loadEnv({ TRUST_PROXY: value }).TRUST_PROXY;

describe("per-address limits", () => {
  it("default to 600 anonymous requests and 60 sign-in requests a minute, in production too", () => {
    for (const env of [loadEnv({}), loadEnv(PRODUCTION_ENV)]) {
      expect(env).toMatchObject({ RATE_LIMIT_ANONYMOUS: 600, RATE_LIMIT_SIGN_IN: 60, TRUST_PROXY: false });
    }
    expect(loadEnv({ RATE_LIMIT_ANONYMOUS: "1200", RATE_LIMIT_SIGN_IN: "20" })).toMatchObject({ RATE_LIMIT_ANONYMOUS: 1200, RATE_LIMIT_SIGN_IN: 20 });
  });

  it("refuses a limit of 0 or one that is not a number", () => {
    expect(() => loadEnv({ RATE_LIMIT_ANONYMOUS: "0" })).toThrow(/RATE_LIMIT_ANONYMOUS/);
    expect(() => loadEnv({ RATE_LIMIT_SIGN_IN: "lots" })).toThrow(/RATE_LIMIT_SIGN_IN/);
  });
});

describe("TRUST_PROXY", () => {
  it("trusts nobody unless told: unset, empty or false", () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy("")).toBe(false);
    expect(trustProxy("false")).toBe(false);
  });

  it("takes a number of proxies, or addresses, CIDR subnets and Express's names", () => {
    expect(trustProxy("1")).toBe(1);
    expect(trustProxy("loopback")).toEqual(["loopback"]);
    expect(trustProxy(" 10.0.0.0/8, 192.168.1.5 ,fd00::/8, uniquelocal")).toEqual(["10.0.0.0/8", "192.168.1.5", "fd00::/8", "uniquelocal"]);
  });

  it("refuses `true`, which would let any client choose its own address", () => {
    expect(() => trustProxy("true")).toThrow(EnvError);
    expect(() => trustProxy("true")).toThrow(/TRUST_PROXY=true would believe the X-Forwarded-For any client writes/);
  });

  it("refuses what Express could not read, naming the bad entries", () => {
    expect(() => trustProxy("10.0.0.0/33")).toThrow(/not 10\.0\.0\.0\/33/);
    expect(() => trustProxy("loopback, my-proxy.internal")).toThrow(/not my-proxy\.internal/);
    expect(() => trustProxy("::1/129")).toThrow(/TRUST_PROXY must be false, a number of proxies/);
  });
});
