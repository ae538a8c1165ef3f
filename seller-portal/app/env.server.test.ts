import { describe, expect, it } from "vitest";

import { InvalidEnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("falls back to the local defaults when nothing is set", () => {
    expect(parseEnv({})).toEqual({
      MEDUSA_BACKEND_URL: "http://localhost:9000",
      NODE_ENV: "development",
      PORT: 8001,
    });
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ MEDUSA_BACKEND_URL: "", MEDUSA_PUBLISHABLE_KEY: "", PORT: "" })).toEqual({
      MEDUSA_BACKEND_URL: "http://localhost:9000",
      NODE_ENV: "development",
      PORT: 8001,
    });
  });

  it("accepts explicit values and drops the backend URL's trailing slash", () => {
    expect(
      parseEnv({
        MEDUSA_BACKEND_URL: "https://api.tianyuan.example/",
        MEDUSA_PUBLISHABLE_KEY: "pk_01HXYZ",
        NODE_ENV: "production",
        PORT: "8100",
      }),
    ).toEqual({
      MEDUSA_BACKEND_URL: "https://api.tianyuan.example",
      MEDUSA_PUBLISHABLE_KEY: "pk_01HXYZ",
      NODE_ENV: "production",
      PORT: 8100,
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

  it("names every invalid variable at once", () => {
    expect(() => parseEnv({ PORT: "x", NODE_ENV: "staging" })).toThrow(/NODE_ENV .*; PORT |PORT .*; NODE_ENV /);
  });
});
