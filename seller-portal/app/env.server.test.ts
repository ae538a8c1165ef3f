import { describe, expect, it } from "vitest";

import { DEVELOPMENT_SESSION_SECRET, InvalidEnvError, parseEnv } from "./env.server";

const productionSecret = "a-production-session-secret-of-64-hex-characters-0123456789abcdef";

describe("parseEnv", () => {
  it("falls back to the local defaults when nothing is set", () => {
    expect(parseEnv({})).toEqual({
      MEDUSA_BACKEND_URL: "http://localhost:9000",
      NODE_ENV: "development",
      PORT: 8001,
      SESSION_SECRET: DEVELOPMENT_SESSION_SECRET,
      STOREFRONT_URL: "http://localhost:8000",
    });
  });

  it("treats empty variables as unset", () => {
    expect(
      parseEnv({
        MEDUSA_BACKEND_URL: "",
        MEDUSA_PUBLISHABLE_KEY: "",
        PORT: "",
        SESSION_SECRET: "",
        STOREFRONT_URL: "",
      }),
    ).toEqual({
      MEDUSA_BACKEND_URL: "http://localhost:9000",
      NODE_ENV: "development",
      PORT: 8001,
      SESSION_SECRET: DEVELOPMENT_SESSION_SECRET,
      STOREFRONT_URL: "http://localhost:8000",
    });
  });

  it("accepts explicit values and drops the URLs' trailing slashes", () => {
    expect(
      parseEnv({
        MEDUSA_BACKEND_URL: "https://api.tianyuan.example/",
        MEDUSA_PUBLISHABLE_KEY: "pk_01HXYZ",
        NODE_ENV: "production",
        PORT: "8101",
        SESSION_SECRET: productionSecret,
        STOREFRONT_URL: "https://tianyuan.example/",
      }),
    ).toEqual({
      MEDUSA_BACKEND_URL: "https://api.tianyuan.example",
      MEDUSA_PUBLISHABLE_KEY: "pk_01HXYZ",
      NODE_ENV: "production",
      PORT: 8101,
      SESSION_SECRET: productionSecret,
      STOREFRONT_URL: "https://tianyuan.example",
    });
  });

  it("refuses to start in production without a session secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /^Invalid environment: SESSION_SECRET is required in production/,
    );
  });

  it("never uses the development secret in production, even when it is set explicitly", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: DEVELOPMENT_SESSION_SECRET })).toThrow(
      /^Invalid environment: SESSION_SECRET is required in production/,
    );
  });

  it("uses the development secret in tests and development", () => {
    expect(parseEnv({ NODE_ENV: "test" }).SESSION_SECRET).toBe(DEVELOPMENT_SESSION_SECRET);
  });

  it("ignores variables it does not own", () => {
    expect(parseEnv({ PATH: "/usr/bin", HOME: "/root" })).not.toHaveProperty("PATH");
  });

  it.each([
    ["MEDUSA_BACKEND_URL", "localhost:9000"],
    ["MEDUSA_BACKEND_URL", "ftp://files.example"],
    ["MEDUSA_PUBLISHABLE_KEY", "sk_secret"],
    ["NODE_ENV", "staging"],
    ["PORT", "eighty"],
    ["PORT", "65536"],
    ["SESSION_SECRET", "too-short"],
    ["STOREFRONT_URL", "tianyuan.example"],
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
});
