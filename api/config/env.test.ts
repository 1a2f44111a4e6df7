import { describe, expect, it } from "vitest";
import { PRODUCTION_ENV } from "../test-support/production-env.js";
import { EnvError, loadEnv } from "./env.js";

const REAL = PRODUCTION_ENV;

describe("loadEnv", () => {
  it("runs with no settings at all, on the local stand-ins", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", PORT: 3111, APP_URL: "http://localhost:3111" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.hms).toBeUndefined();
    expect(env.auth0).toBeUndefined();
  });

  it("refuses production without the real services, naming every missing variable", () => {
    const error = (() => {
      try {
        loadEnv({ NODE_ENV: "production" });
      } catch (e) {
        return e as Error;
      }
      throw new Error("expected loadEnv to throw");
    })();
    expect(error).toBeInstanceOf(EnvError);
    for (const name of ["DATABASE_URL", "HMS_APP_ACCESS_KEY", "HMS_APP_SECRET", "HMS_TEMPLATE_ID", "HMS_WEBHOOK_SECRET", "AUTH0_DOMAIN", "AUTH0_AUDIENCE", "APP_URL", "SMTP_URL", "MAIL_FROM"]) {
      expect(error.message).toContain(name);
    }
  });

  it("accepts production with real services and derives the Auth0 issuer", () => {
    const env = loadEnv(REAL);
    expect(env.hms).toEqual({ accessKey: "key", secret: "secret", templateId: "tpl", baseUrl: "https://api.100ms.live/v2", timeoutMs: 10_000 });
    expect(env.auth0).toEqual({
      issuer: "https://yoga.eu.auth0.com/",
      audience: "https://api.live-sessions.app",
      rolesClaim: "https://live-sessions.app/roles",
    });
    expect(loadEnv({ ...REAL, AUTH0_ISSUER_BASE_URL: "https://login.example.com" }).auth0?.issuer).toBe("https://login.example.com/");
  });

  it("configures web sign-in with the same tenant, and refuses it half configured", () => {
    const { NODE_ENV: _n, ...dev } = REAL;
    expect(loadEnv(dev).webSignIn).toEqual({ issuer: "https://yoga.eu.auth0.com/", clientId: "web-client", clientSecret: "web-client-secret" });
    expect(() => loadEnv({ AUTH0_CLIENT_ID: "web-client" })).toThrow(/set both AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET/);
    expect(() => loadEnv({ AUTH0_CLIENT_ID: "a", AUTH0_CLIENT_SECRET: "b" })).toThrow(/AUTH0_DOMAIN/);
    expect(() => loadEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET must be at least 32/);
  });

  it("refuses 100ms or Auth0 half configured, in any environment", () => {
    expect(() => loadEnv({ HMS_APP_ACCESS_KEY: "key" })).toThrow(/set HMS_APP_SECRET, HMS_TEMPLATE_ID too/);
    expect(() => loadEnv({ AUTH0_AUDIENCE: "https://api" })).toThrow(/AUTH0_DOMAIN/);
    expect(() => loadEnv({ AUTH0_DOMAIN: "yoga.auth0.com" })).toThrow(/AUTH0_AUDIENCE/);
  });

  it("needs the 100ms webhook secret in production, and a long one anywhere", () => {
    const { HMS_WEBHOOK_SECRET: _left, ...withoutSecret } = REAL;
    expect(() => loadEnv(withoutSecret)).toThrow(/Missing: HMS_WEBHOOK_SECRET/);
    expect(() => loadEnv({ HMS_WEBHOOK_SECRET: "short" })).toThrow(/HMS_WEBHOOK_SECRET must be at least 16 characters/);
    expect(loadEnv({ HMS_WEBHOOK_SECRET: "0123456789abcdef" }).HMS_WEBHOOK_SECRET).toBe("0123456789abcdef");
    expect(loadEnv({}).HMS_WEBHOOK_SECRET).toBeUndefined();
  });

  it("records through the template unless HMS_RECORDING=api, and sweeps the 6-hour limit each minute", () => {
    expect(loadEnv({})).toMatchObject({ HMS_RECORDING: "template", SESSION_LIMIT_INTERVAL_MS: 60_000 });
    expect(loadEnv({ HMS_RECORDING: "api", SESSION_LIMIT_INTERVAL_MS: "5000" })).toMatchObject({ HMS_RECORDING: "api", SESSION_LIMIT_INTERVAL_MS: 5000 });
    expect(() => loadEnv({ HMS_RECORDING: "always" })).toThrow(/HMS_RECORDING/);
  });

  it("refuses plain http:// for the identity provider and 100ms in production, naming the variable", () => {
    for (const name of ["AUTH0_ISSUER_BASE_URL", "HMS_API_BASE_URL"]) {
      const plain = { ...REAL, [name]: "http://login.example.com/" };
      expect(() => loadEnv(plain), name).toThrow(EnvError);
      expect(() => loadEnv(plain), name).toThrow(new RegExp(`${name} must be an https:// URL in production`));
      // Outside production the local stand-ins listen on plain loopback HTTP.
      const { NODE_ENV: _n, ...dev } = plain;
      expect(() => loadEnv(dev), name).not.toThrow();
    }
    expect(loadEnv({ ...REAL, AUTH0_ISSUER_BASE_URL: "https://login.example.com", HMS_API_BASE_URL: "https://api.100ms.live/v2" }).hms?.baseUrl).toBe(
      "https://api.100ms.live/v2",
    );
  });

  it("lets the schema be introspected outside production, and in production only with GRAPHQL_INTROSPECTION=true", () => {
    expect(loadEnv({}).graphqlIntrospection).toBe(true);
    expect(loadEnv({ GRAPHQL_INTROSPECTION: "false" }).graphqlIntrospection).toBe(false);
    expect(loadEnv(REAL).graphqlIntrospection).toBe(false);
    expect(loadEnv({ ...REAL, GRAPHQL_INTROSPECTION: "true" }).graphqlIntrospection).toBe(true);
    expect(() => loadEnv({ GRAPHQL_INTROSPECTION: "yes" })).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => loadEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadEnv({ APP_URL: "not a url" })).toThrow(/APP_URL/);
    expect(() => loadEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });
});

describe("web sign-in session settings", () => {
  it("default to 8 hours, 2 idle hours, renewal every 15 minutes with 15 minutes' grace", () => {
    expect(loadEnv({})).toMatchObject({ SESSION_MAX_AGE_HOURS: 8, SESSION_IDLE_MINUTES: 120, SESSION_REFRESH_MINUTES: 15, SESSION_REFRESH_GRACE_MINUTES: 15 });
    expect(loadEnv({ SESSION_MAX_AGE_HOURS: "12", SESSION_IDLE_MINUTES: "30", SESSION_REFRESH_MINUTES: "5", SESSION_REFRESH_GRACE_MINUTES: "0" })).toMatchObject({
      SESSION_MAX_AGE_HOURS: 12,
      SESSION_IDLE_MINUTES: 30,
      SESSION_REFRESH_MINUTES: 5,
      SESSION_REFRESH_GRACE_MINUTES: 0,
    });
  });

  it.each([
    ["SESSION_MAX_AGE_HOURS", "0"],
    ["SESSION_IDLE_MINUTES", "ten"],
    ["SESSION_REFRESH_MINUTES", "0"],
    ["SESSION_REFRESH_GRACE_MINUTES", "-1"],
  ])("refuses %s=%s, naming it", (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(name));
  });
});

describe("email settings", () => {
  it("needs SMTP_URL and MAIL_FROM in production (the local SMTP server never runs there), and takes them when given", () => {
    const { SMTP_URL: _url, MAIL_FROM: _from, ...withoutMail } = REAL;
    expect(() => loadEnv(withoutMail)).toThrow(/Missing: SMTP_URL, MAIL_FROM\./);
    expect(loadEnv(REAL)).toMatchObject({ SMTP_URL: REAL.SMTP_URL, MAIL_FROM: REAL.MAIL_FROM });
  });

  it("refuses an SMTP_URL that is not smtp:// or smtps://, saying what it should look like", () => {
    expect(() => loadEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL must look like smtp:\/\/user:pass@host:587/);
    expect(loadEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465" }).SMTP_URL).toBe("smtps://u:p@mail.example.com:465");
    // Outside production nothing is required: the local SMTP server stands in.
    expect(loadEnv({}).SMTP_URL).toBeUndefined();
  });
});
