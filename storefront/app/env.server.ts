import { z } from "zod";

// Nothing in this module reaches the browser (Remix refuses to bundle *.server files for it).
// Should a page ever need one of these values there, pass that one explicitly through a loader.

const DEFAULT_PORT = 8000;

// An empty variable (`FOO=` in a .env file) means "not set", so defaults still apply.
const unsetWhenEmpty = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  MEDUSA_BACKEND_URL: z.preprocess(
    unsetWhenEmpty,
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:9000" })
      .default("http://localhost:9000")
      .transform((url) => url.replace(/\/+$/, "")),
  ),
  MEDUSA_PUBLISHABLE_KEY: z.preprocess(
    unsetWhenEmpty,
    z.string().startsWith("pk_", { error: 'must start with "pk_"' }).optional(),
  ),
  NODE_ENV: z.preprocess(
    unsetWhenEmpty,
    z
      .enum(["development", "production", "test"], {
        error: "must be development, production or test",
      })
      .default("development"),
  ),
  PORT: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(/^\d+$/, { error: "must be a whole number" })
      .default(String(DEFAULT_PORT))
      .transform(Number)
      .pipe(z.number().int().min(1, { error: "must be 1–65535" }).max(65535, { error: "must be 1–65535" })),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvError extends Error {
  override name = "InvalidEnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join(".")} ${issue.message}`,
  );
  throw new InvalidEnvError(`Invalid environment: ${problems.join("; ")}`);
}

/** Parsed once, when the server boots (entry.server imports this module). */
export const env: Env = parseEnv(process.env);
