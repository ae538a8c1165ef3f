import {
  httpUrlVariable,
  nodeEnvVariable,
  parseEnvWith,
  portVariable,
  publishableKeyVariable,
  unsetWhenEmpty,
} from "@tianyuan/web-common/env.server.ts";
import { z } from "zod";

export { InvalidEnvError } from "@tianyuan/web-common/env.server.ts";

// Nothing in this module reaches the browser (Remix refuses to bundle *.server files for it).
// Should a page ever need one of these values there, pass that one explicitly through a loader.

/** Signs the buyer's session cookie outside production only; a production start without SESSION_SECRET stops. */
export const DEVELOPMENT_SESSION_SECRET = "tianyuan-development-session-secret-not-for-production";

const MIN_SESSION_SECRET_LENGTH = 32;

const envSchema = z
  .object({
    MEDUSA_BACKEND_URL: httpUrlVariable("http://localhost:9000"),
    MEDUSA_PUBLISHABLE_KEY: publishableKeyVariable,
    NODE_ENV: nodeEnvVariable,
    PORT: portVariable(8000),
    // Signs the buyer's cookie (cart id, customer token); the launcher passes the one the portal uses.
    SESSION_SECRET: z.preprocess(
      unsetWhenEmpty,
      z
        .string()
        .min(MIN_SESSION_SECRET_LENGTH, { error: `must be at least ${MIN_SESSION_SECRET_LENGTH} characters` })
        .optional(),
    ),
    // Stripe's publishable key for Stripe.js; card, Alipay and WeChat Pay are offered only when it is
    // set and the backend's region lists Stripe (STRIPE_API_KEY there).
    STRIPE_PUBLISHABLE_KEY: z.preprocess(
      unsetWhenEmpty,
      z.string().startsWith("pk_", { error: 'must start with "pk_"' }).optional(),
    ),
  })
  .transform(({ SESSION_SECRET, ...env }, context) => {
    if (env.NODE_ENV !== "production") return { ...env, SESSION_SECRET: SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET };
    if (!SESSION_SECRET || SESSION_SECRET === DEVELOPMENT_SESSION_SECRET) {
      context.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: `is required in production (a random string of at least ${MIN_SESSION_SECRET_LENGTH} characters)`,
      });
      return z.NEVER;
    }
    return { ...env, SESSION_SECRET };
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseEnvWith(envSchema, source);
}

/** Parsed once, when the server boots (entry.server imports this module). */
export const env: Env = parseEnv(process.env);
