import { spawn } from "node:child_process"
import { createInterface } from "node:readline"

/**
 * Holds the build lock (/tmp/tianyuan-build.lock) shared while a bench starts servers from the built
 * output: a build elsewhere (which takes the lock exclusively and wipes .medusa dirs) waits until the
 * servers have loaded their code, and benches do not block one another. Returns the release function.
 */
export async function holdBuildLockShared(lockFile = "/tmp/tianyuan-build.lock"): Promise<() => void> {
  const holder = spawn("flock", ["-s", lockFile, "-c", "echo locked; read _"], { stdio: ["pipe", "pipe", "inherit"] })
  await new Promise<void>((resolve, reject) => {
    holder.once("error", reject)
    holder.once("exit", (code) => reject(new Error(`flock -s ${lockFile} ended (exit code ${code}) before locking`)))
    createInterface({ input: holder.stdout! }).once("line", () => resolve())
  })
  return () => {
    holder.stdin!.end()
  }
}
