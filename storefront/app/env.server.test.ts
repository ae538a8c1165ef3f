import { describe, expect, it } from "vitest";

import { DEVELOPMENT_SESSION_SECRET, InvalidEnvError, parseEnv } from "./env.server";

const productionSecret = "a-production-secret-of-enough-characters";

describe("parseEnv", () => {
  it("falls back to the local defaults when nothing is set", () => {
    expect(parseEnv({})).toEqual({
      MEDUSA_BACKEND_URL: "http://localhost:9000",
      NODE_ENV: "development",
      PORT: 8000,
      SESSION_SECRET: DEVELOPMENT_SESSION_SECRET,
    });
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ MEDUSA_BACKEND_URL: "", MEDUSA_PUBLISHABLE_KEY: "", PORT: "" })).toEqual({
      MEDUSA_BACKEND_URL: "http://localhost:9000",
      NODE_ENV: "development",
      PORT: 8000,
      SESSION_SECRET: DEVELOPMENT_SESSION_SECRET,
    });
  });

  it("accepts explicit values and drops the backend URL's trailing slash", () => {
    expect(
      parseEnv({
        MEDUSA_BACKEND_URL: "https://api.tianyuan.example/",
        MEDUSA_PUBLISHABLE_KEY: "pk_01HXYZ",
        NODE_ENV: "production",
        PORT: "8100",
        SESSION_SECRET: productionSecret,
        STRIPE_PUBLISHABLE_KEY: "pk_live_abc",
      }),
    ).toEqual({
      MEDUSA_BACKEND_URL: "https://api.tianyuan.example",
      MEDUSA_PUBLISHABLE_KEY: "pk_01HXYZ",
      NODE_ENV: "production",
      PORT: 8100,
      SESSION_SECRET: productionSecret,
      STRIPE_PUBLISHABLE_KEY: "pk_live_abc",
    });
  });

  it("ignores variables it does not own", () => {
    expect(parseEnv({ PATH: "/usr/bin", HOME: "/root" })).not.toHaveProperty("PATH");
  });

  it.each([
    ["MEDUSA_BACKEND_URL", "localhost:9000"],
    ["MEDUSA_BACKEND_URL", "ftp://files.example"],
    ["MEDUSA_BACKEND_URL", "not a url"],
    ["MEDUSA_PUBLISHABLE_KEY", "sk_secret"],
    ["NODE_ENV", "staging"],
    ["PORT", "eighty"],
    ["PORT", "80.5"],
    ["PORT", "0"],
    ["PORT", "65536"],
    ["SESSION_SECRET", "short"],
    ["STRIPE_PUBLISHABLE_KEY", "sk_live_secret"],
  ])("rejects %s=%s with one line naming the variable", (name, value) => {
    let thrown: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEnvError);
    const message = (thrown as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid environment: ${name} `));
    expect(message).not.toContain("\n");
  });

  it("refuses to start in production without a session secret of its own", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/^Invalid environment: SESSION_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: DEVELOPMENT_SESSION_SECRET })).toThrow(
      /^Invalid environment: SESSION_SECRET is required in production/,
    );
  });

  it("names every invalid variable at once", () => {
    expect(() => parseEnv({ PORT: "x", NODE_ENV: "staging" })).toThrow(/NODE_ENV .*; PORT |PORT .*; NODE_ENV /);
  });
});
