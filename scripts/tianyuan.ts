import path from "node:path"
import { LauncherError, ROOT, parseLauncherEnv } from "./lib/launcher-env"
import { runStep } from "./lib/processes"
import { assertPortsFree, startStack, type StackMode } from "./lib/stack"
import { DEMO_MEMBER_PASSWORD, DEMO_OFFICIAL, DEMO_OPERATOR, DEMO_VILLAGERS, DEMO_VILLAGES } from "../backend/src/lib/demo"

/**
 * `npm start` (production servers), `npm run dev` (reloading servers), `npm run seed`,
 * `npm run areas:import`, `npm run search:reindex`, `npm run income:rebuild` and `npm run income:check`.
 * One command starts everything a newcomer needs; Ctrl-C stops it all, PostgreSQL included.
 */
const command = process.argv[2] ?? "start"
/** Village income (issue 7): `income-rebuild` and `income-check` take --from=YYYY-MM-DD [--to=YYYY-MM-DD]. */
const INCOME_COMMANDS = ["income-rebuild", "income-check"] as const

function banner(urls: { backend: string; admin: string; storefront: string; sellerPortal: string }) {
  const lines = [
    "",
    "田园 Tianyuan is running",
    `  storefront (buyers)         ${urls.storefront}`,
    `  seller portal               ${urls.sellerPortal}`,
    `  backend API                 ${urls.backend}`,
    `  admin dashboard (operators) ${urls.admin}`,
    "",
    "Demo logins",
    `  operator (admin dashboard)  ${DEMO_OPERATOR.email} / ${DEMO_OPERATOR.password}`,
    `  village secretary (portal)  ${DEMO_VILLAGES[0].secretary.identifier} / ${DEMO_MEMBER_PASSWORD}`,
    `  county official (portal)    ${DEMO_OFFICIAL.identifier} / ${DEMO_MEMBER_PASSWORD}`,
    `  villager (portal)           ${DEMO_VILLAGERS[0].identifier} / ${DEMO_MEMBER_PASSWORD}`,
    "  (all demo logins: README.md)",
    "",
    "Press Ctrl-C to stop everything.",
    "",
  ]
  console.log(lines.join("\n"))
}

async function main() {
  const env = parseLauncherEnv(process.env)
  if (!["start", "dev", "seed", "import-areas", "search-reindex", ...INCOME_COMMANDS].includes(command)) {
    throw new LauncherError(
      `Unknown command ${JSON.stringify(command)}: use start, dev, seed, import-areas, search-reindex, ${INCOME_COMMANDS.join(" or ")}`
    )
  }
  const serversWanted = command === "start" || command === "dev"
  const mode: StackMode = command === "dev" ? "development" : "production"
  if (serversWanted) {
    await assertPortsFree(env)
  }
  if (mode === "production") {
    console.log("Building plugins, backend and apps (cached after the first time)…")
    const only = serversWanted ? [] : ["--filter=@tianyuan/backend..."]
    await runStep("build", process.execPath, [path.join(ROOT, "node_modules/turbo/bin/turbo"), "run", "build", ...only, "--output-logs=errors-only"], {
      cwd: ROOT,
      env: { ...process.env, MEDUSA_BACKEND_URL: `http://${env.PUBLIC_HOST}:${env.BACKEND_PORT}` },
    })
  } else {
    await runStep("build", process.execPath, [path.join(ROOT, "node_modules/turbo/bin/turbo"), "run", "build", "--filter=./plugins/*", "--output-logs=errors-only"], {
      cwd: ROOT,
      env: process.env,
    })
  }

  const stack = await startStack({ env, mode, servers: serversWanted })
  let stopping = false
  const shutdown = async (reason: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${reason}: stopping…`)
    await stack.stop()
    console.log("Stopped.")
    process.exit(0)
  }
  process.on("SIGINT", () => void shutdown("Ctrl-C"))
  process.on("SIGTERM", () => void shutdown("SIGTERM"))

  if (command === "import-areas" || command === "search-reindex") {
    await stack.runBackendScript(command, process.argv.slice(3)).catch(async (error) => {
      await stack.stop()
      throw error
    })
  }
  if ((INCOME_COMMANDS as readonly string[]).includes(command)) {
    // income-check exits 1 when the rollups differ from the orders; so does this command.
    const ok = await stack.runBackendScript(command, process.argv.slice(3)).then(
      () => true,
      () => false
    )
    await stack.stop()
    process.exit(ok ? 0 : 1)
  }
  if (!serversWanted) {
    await shutdown(command === "seed" ? "Seed complete" : command === "search-reindex" ? "Reindex complete" : "Import complete")
    return
  }
  banner(stack.urls)
  // A server that dies takes the others down with it, so a half-running system never looks healthy.
  for (const service of stack.services) {
    void service.exited.then((code) => {
      if (!stopping) {
        stopping = true
        console.error(`\n✗ ${service.name} stopped unexpectedly (exit code ${code})`)
        void stack.stop().then(() => process.exit(1))
      }
    })
  }
}

main().catch((error: unknown) => {
  if (error instanceof LauncherError) {
    console.error(`\n✗ ${error.message}`)
  } else {
    console.error(`\n✗ ${error instanceof Error ? error.message : String(error)}`)
  }
  process.exit(1)
})
