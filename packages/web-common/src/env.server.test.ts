import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  InvalidEnvError,
  httpUrlVariable,
  nodeEnvVariable,
  parseEnvWith,
  portVariable,
  publishableKeyVariable,
} from "./env.server.ts";

const exampleSchema = z.object({
  BACKEND_URL: httpUrlVariable("http://localhost:9000"),
  PUBLISHABLE_KEY: publishableKeyVariable,
  NODE_ENV: nodeEnvVariable,
  PORT: portVariable(8300),
});

describe("parseEnvWith and the shared variables", () => {
  it("applies the defaults when nothing or only empty values are set", () => {
    const expected = { BACKEND_URL: "http://localhost:9000", NODE_ENV: "development", PORT: 8300 };
    expect(parseEnvWith(exampleSchema, {})).toEqual(expected);
    expect(parseEnvWith(exampleSchema, { BACKEND_URL: "", PUBLISHABLE_KEY: "", PORT: "", NODE_ENV: "" })).toEqual(
      expected,
    );
  });

  it("drops trailing slashes from URLs and reads ports as numbers", () => {
    expect(
      parseEnvWith(exampleSchema, {
        BACKEND_URL: "https://api.tianyuan.example//",
        PORT: "8100",
        PUBLISHABLE_KEY: "pk_1",
      }),
    ).toMatchObject({ BACKEND_URL: "https://api.tianyuan.example", PORT: 8100, PUBLISHABLE_KEY: "pk_1" });
  });

  it.each([
    ["BACKEND_URL", "localhost:9000"],
    ["BACKEND_URL", "ftp://files.example"],
    ["PUBLISHABLE_KEY", "sk_secret"],
    ["NODE_ENV", "staging"],
    ["PORT", "80.5"],
    ["PORT", "0"],
    ["PORT", "65536"],
  ])("rejects %s=%s on one line naming the variable", (name, value) => {
    let thrown: unknown;
    try {
      parseEnvWith(exampleSchema, { [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEnvError);
    expect((thrown as Error).message).toMatch(new RegExp(`^Invalid environment: ${name} `));
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("names every invalid variable at once", () => {
    expect(() => parseEnvWith(exampleSchema, { PORT: "x", NODE_ENV: "staging" })).toThrow(
      /NODE_ENV .*; PORT |PORT .*; NODE_ENV /,
    );
  });
});
