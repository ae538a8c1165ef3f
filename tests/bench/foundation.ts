import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { chmodSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres"

/**
 * Foundation figures: a clean clone's `npm ci` and first `npm start` until all three servers answer,
 * a second (cached) start, the backend's cold start on its own, and the idle memory of each process.
 * Runs on the committed HEAD, on ports 9200/8200/8201/54359 so a running system is untouched.
 */
const ROOT = path.resolve(__dirname, "../..")
const PORTS = { backend: 9200, storefront: 8200, sellerPortal: 8201, postgres: 54359 }
const URLS = [
  `http://localhost:${PORTS.backend}/health`,
  `http://localhost:${PORTS.storefront}/healthz`,
  `http://localhost:${PORTS.sellerPortal}/healthz`,
]

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

async function answers(url: string) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}

async function waitForAll(urls: string[], child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the launcher stopped before the servers answered")
    if ((await Promise.all(urls.map(answers))).every(Boolean)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`not all of ${urls.join(", ")} answered within ${timeoutMs / 1000} s`)
}

function launch(clone: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/tianyuan.ts", "start"], {
    cwd: clone,
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      BACKEND_PORT: String(PORTS.backend),
      STOREFRONT_PORT: String(PORTS.storefront),
      SELLER_PORTAL_PORT: String(PORTS.sellerPortal),
      EMBEDDED_POSTGRES_PORT: String(PORTS.postgres),
      TIANYUAN_DATA_DIR: path.join(clone, ".data"),
    },
  })
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.on("exit", resolve))
  process.kill(child.pid!, "SIGINT")
  await exited
}

function processes(): { pid: number; ppid: number; cwd: string; rssKib: number }[] {
  const list = []
  for (const name of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8")
      list.push({
        pid: Number(name),
        ppid: Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0),
        cwd: readlinkSync(`/proc/${name}/cwd`),
        rssKib: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0),
      })
    } catch {
      // ended meanwhile, or a kernel thread
    }
  }
  return list
}

/** Resident memory (MiB) of the processes working in `dir`, or of the tree under `rootPid`. */
function rssMiB(select: { dir?: string; rootPid?: number }): number {
  const all = processes()
  let chosen = select.dir ? all.filter((proc) => proc.cwd.startsWith(select.dir!)) : []
  if (select.rootPid) {
    const tree = new Set([select.rootPid])
    let grew = true
    while (grew) {
      grew = false
      for (const proc of all) {
        if (tree.has(proc.ppid) && !tree.has(proc.pid)) {
          tree.add(proc.pid)
          grew = true
        }
      }
    }
    chosen = all.filter((proc) => tree.has(proc.pid))
  }
  return chosen.reduce((sum, proc) => sum + proc.rssKib, 0) / 1024
}

async function backendColdStart(clone: string): Promise<number> {
  const dataDir = path.join(clone, ".data")
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: PORTS.postgres })
  const secrets = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8"))
  try {
    const started = Date.now()
    const backend = spawn(process.execPath, [path.join(clone, "node_modules/@medusajs/cli/cli.js"), "start"], {
      cwd: path.join(clone, "backend/.medusa/server"),
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(PORTS.backend),
        DATABASE_URL: database.url("tianyuan"),
        JWT_SECRET: secrets.jwtSecret,
        COOKIE_SECRET: secrets.cookieSecret,
        MEDUSA_DISABLE_TELEMETRY: "true",
      },
    })
    await waitForAll([URLS[0]], backend, 120_000)
    const elapsed = Date.now() - started
    const exited = new Promise((resolve) => backend.on("exit", resolve))
    process.kill(-backend.pid!, "SIGTERM")
    await exited
    return elapsed
  } finally {
    await database.stop()
  }
}

export async function benchFoundation() {
  const work = mkdtempSync(path.join(os.tmpdir(), "tianyuan-bench-"))
  chmodSync(work, 0o755)
  const clone = path.join(work, "tianyuan")
  try {
    spawnSync("git", ["clone", "-q", ROOT, clone], { stdio: "inherit" })

    let started = Date.now()
    const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: clone, stdio: "inherit" })
    if (install.status !== 0) throw new Error("npm ci failed")
    const installMs = Date.now() - started

    started = Date.now()
    let launcher = launch(clone)
    await waitForAll(URLS, launcher, 900_000)
    const firstStartMs = Date.now() - started

    await new Promise((resolve) => setTimeout(resolve, 15_000))
    const postmasterPid = Number(readFileSync(path.join(clone, ".data/postgres/postmaster.pid"), "utf8").split("\n")[0])
    const rss = {
      backend: rssMiB({ dir: path.join(clone, "backend") }),
      storefront: rssMiB({ dir: path.join(clone, "storefront") }),
      sellerPortal: rssMiB({ dir: path.join(clone, "seller-portal") }),
      // Summed over PostgreSQL's processes, so its shared buffers count once per process that touched them.
      postgres: rssMiB({ rootPid: postmasterPid }),
    }
    await stop(launcher)

    started = Date.now()
    launcher = launch(clone)
    await waitForAll(URLS, launcher, 600_000)
    const secondStartMs = Date.now() - started
    await stop(launcher)

    const coldStarts = [await backendColdStart(clone), await backendColdStart(clone), await backendColdStart(clone)].sort((a, b) => a - b)

    const lines = [
      `clean clone → npm ci                          ${seconds(installMs)}  (npm cache warm)`,
      `first npm start → all three servers answering ${seconds(firstStartMs)}  (build, migrations, seed)`,
      `second npm start → all three answering         ${seconds(secondStartMs)}  (cached build, seeded)`,
      `backend cold start (medusa start → /health)   ${seconds(coldStarts[1])}  (median of 3: ${coldStarts.map(seconds).join(", ")})`,
      `idle RSS: backend ${rss.backend.toFixed(0)} MiB, storefront ${rss.storefront.toFixed(0)} MiB, seller portal ${rss.sellerPortal.toFixed(0)} MiB, PostgreSQL ${rss.postgres.toFixed(0)} MiB`,
    ]
    console.log(lines.join("\n"))
    return lines
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
