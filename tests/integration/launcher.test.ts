import { spawnSync } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { parseLauncherEnv } from "../../scripts/lib/launcher-env"

const ROOT = path.resolve(__dirname, "../..")

/** Runs `npm start`'s launcher the way a newcomer would, and returns what they would read. */
function launch(env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/tianyuan.ts", "start"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  })
  return { status: result.status, stderr: result.stderr.trim() }
}

describe("the launcher (npm start)", () => {
  it("stops at once with one line naming a malformed DATABASE_URL", () => {
    const { status, stderr } = launch({ DATABASE_URL: "localhost:5432/tianyuan" })
    expect(status).toBe(1)
    expect(stderr.split("\n")).toEqual(["✗ Invalid DATABASE_URL: must look like postgres://user:password@host:5432/database"])
  })

  it("stops at once with one line naming an occupied port", async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, resolve))
    const port = (blocker.address() as net.AddressInfo).port
    try {
      const { status, stderr } = launch({ BACKEND_PORT: String(port), DATABASE_URL: "postgres://u:p@localhost:1/x" })
      expect(status).toBe(1)
      expect(stderr.split("\n")).toEqual([
        `✗ Port ${port} for the backend (BACKEND_PORT) is already in use: stop what uses it or choose another port`,
      ])
    } finally {
      blocker.close()
    }
  })

  it("refuses two services on one port", () => {
    expect(() => parseLauncherEnv({ STOREFRONT_PORT: "9000" })).toThrow("STOREFRONT_PORT and BACKEND_PORT are both 9000")
  })

  it("uses its own PostgreSQL port, not 5432", () => {
    const env = parseLauncherEnv({})
    expect(env.EMBEDDED_POSTGRES_PORT).not.toBe(5432)
    expect(env.DATABASE_URL).toBeUndefined()
  })
})
