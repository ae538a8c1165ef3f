import { z } from "zod";

// Building blocks for each app's `app/env.server.ts`, so both read the same variables the same way.

/** An empty variable (`FOO=` in a .env file) means "not set", so defaults still apply. */
export const unsetWhenEmpty = (value: unknown) => (value === "" ? undefined : value);

/** An http(s) URL, without a trailing slash so paths can be appended with `${url}/path`. */
export function httpUrlVariable(defaultUrl: string) {
  return z.preprocess(
    unsetWhenEmpty,
    z
      .url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${defaultUrl}` })
      .default(defaultUrl)
      .transform((url) => url.replace(/\/+$/, "")),
  );
}

export const publishableKeyVariable = z.preprocess(
  unsetWhenEmpty,
  z.string().startsWith("pk_", { error: 'must start with "pk_"' }).optional(),
);

export const nodeEnvVariable = z.preprocess(
  unsetWhenEmpty,
  z
    .enum(["development", "production", "test"], { error: "must be development, production or test" })
    .default("development"),
);

export function portVariable(defaultPort: number) {
  return z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(/^\d+$/, { error: "must be a whole number" })
      .default(String(defaultPort))
      .transform(Number)
      .pipe(z.number().int().min(1, { error: "must be 1–65535" }).max(65535, { error: "must be 1–65535" })),
  );
}

export class InvalidEnvError extends Error {
  override name = "InvalidEnvError";
}

/**
 * Parses the environment with an app's schema. Every problem is named on one line
 * ("Invalid environment: PORT must be …; NODE_ENV must be …"), so a bad start is easy to read.
 */
export function parseEnvWith<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.output<Schema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new InvalidEnvError(`Invalid environment: ${problems.join("; ")}`);
}
