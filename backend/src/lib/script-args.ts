/**
 * The options of a `medusa exec` script (`--from=2026-01-01`, `--rollups-only`). `medusa exec` parses
 * its command line strictly and refuses any option it does not know, so the launcher
 * (scripts/lib/stack.ts, `runBackendScript`) hands them over in TIANYUAN_SCRIPT_ARGS, a JSON array;
 * words given to `medusa exec` directly (its `args`) come first.
 */
export const SCRIPT_ARGS_ENV = "TIANYUAN_SCRIPT_ARGS"

export function scriptArgs(args: string[] = [], env: NodeJS.ProcessEnv = process.env): string[] {
  const passed = env[SCRIPT_ARGS_ENV]
  if (!passed) return args
  const parsed: unknown = JSON.parse(passed)
  if (!Array.isArray(parsed) || !parsed.every((arg) => typeof arg === "string")) {
    throw new Error(`${SCRIPT_ARGS_ENV} must be a JSON array of strings`)
  }
  return [...args, ...parsed]
}
