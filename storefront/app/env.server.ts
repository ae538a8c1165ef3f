import {
  httpUrlVariable,
  nodeEnvVariable,
  parseEnvWith,
  portVariable,
  publishableKeyVariable,
} from "@tianyuan/web-common/env.server.ts";
import { z } from "zod";

export { InvalidEnvError } from "@tianyuan/web-common/env.server.ts";

// Nothing in this module reaches the browser (Remix refuses to bundle *.server files for it).
// Should a page ever need one of these values there, pass that one explicitly through a loader.

const envSchema = z.object({
  MEDUSA_BACKEND_URL: httpUrlVariable("http://localhost:9000"),
  MEDUSA_PUBLISHABLE_KEY: publishableKeyVariable,
  NODE_ENV: nodeEnvVariable,
  PORT: portVariable(8000),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseEnvWith(envSchema, source);
}

/** Parsed once, when the server boots (entry.server imports this module). */
export const env: Env = parseEnv(process.env);
