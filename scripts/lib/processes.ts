import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"
import { createInterface } from "node:readline"

/** Child servers with prefixed output, started in their own process group so one signal stops each whole tree. */
export type Service = { name: string; child: ChildProcess; exited: Promise<number | null> }

const COLOURS = ["\x1b[36m", "\x1b[33m", "\x1b[35m", "\x1b[32m"]
let colourIndex = 0

export function prefixLines(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WritableStream) {
  if (!stream) return
  const colour = process.stdout.isTTY ? COLOURS[colourIndex++ % COLOURS.length] : ""
  const reset = colour ? "\x1b[0m" : ""
  createInterface({ input: stream }).on("line", (line) => out.write(`${colour}[${name}]${reset} ${line}\n`))
}

export type ServiceOptions = {
  cwd: string
  env: NodeJS.ProcessEnv
  /** Where the output goes; the terminal by default. */
  output?: NodeJS.WritableStream
}

export function startService(name: string, command: string, args: string[], options: ServiceOptions): Service {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  prefixLines(name, child.stdout, options.output ?? process.stdout)
  prefixLines(name, child.stderr, options.output ?? process.stderr)
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  return { name, child, exited }
}

/** Run a command to completion, output prefixed; rejects with a one-line reason on failure. */
export async function runStep(name: string, command: string, args: string[], options: ServiceOptions): Promise<void> {
  const service = startService(name, command, args, options)
  const code = await service.exited
  if (code !== 0) {
    throw new Error(`${name} failed (exit code ${code}); its output is ${options.output ? "in the service log" : "above"}`)
  }
}

export async function stopService(service: Service, graceMs = 10_000): Promise<void> {
  const { child } = service
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
  }
  signalGroup("SIGTERM")
  const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs)
  await service.exited
  clearTimeout(timer)
}

/** Is the port free on every interface? A server elsewhere on the machine must not be half-shadowed. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

export async function waitForHttp(url: string, options: { timeoutMs: number; service?: Service }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs
  while (Date.now() < deadline) {
    if (options.service && options.service.child.exitCode !== null) {
      throw new Error(`${options.service.name} stopped before answering ${url}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No answer from ${url} within ${Math.round(options.timeoutMs / 1000)} s`)
}
