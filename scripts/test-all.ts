import { spawn } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { ROOT } from "./lib/launcher-env"

/**
 * `npm test`: every gate in one command — build, typecheck, each package's unit tests, the integration
 * suites and the end-to-end suite — ending with one summary line. Exit code 0 only if all passed.
 */
type Outcome = { step: string; passed: number; failed: number; skipped: number; ok: boolean; seconds: number }

const RESULTS = path.join(ROOT, "tests", "test-results")
const node = process.execPath
const bin = {
  turbo: path.join(ROOT, "node_modules/turbo/bin/turbo"),
  vitest: path.join(ROOT, "node_modules/vitest/vitest.mjs"),
  playwright: path.join(ROOT, "node_modules/@playwright/test/cli.js"),
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } })
    child.on("exit", (code) => resolve(code ?? 1))
  })
}

const outcomes: Outcome[] = []

async function gate(step: string, command: string, args: string[], cwd = ROOT): Promise<boolean> {
  console.log(`\n━━ ${step} ━━`)
  const started = Date.now()
  const code = await run(command, args, cwd)
  outcomes.push({ step, passed: 0, failed: 0, skipped: 0, ok: code === 0, seconds: (Date.now() - started) / 1000 })
  return code === 0
}

async function vitestSuite(step: string, cwd: string) {
  console.log(`\n━━ ${step} ━━`)
  const report = path.join(RESULTS, `${step.replace(/[^a-z0-9]+/gi, "-")}.json`)
  rmSync(report, { force: true })
  const started = Date.now()
  const code = await run(node, [bin.vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], cwd)
  const counts = { passed: 0, failed: 0, skipped: 0 }
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"))
    counts.passed = json.numPassedTests
    counts.failed = json.numFailedTests + (json.numTotalTestSuites > 0 && json.success === false && json.numFailedTests === 0 ? 1 : 0)
    counts.skipped = json.numPendingTests + json.numTodoTests
  } else if (code !== 0) {
    counts.failed = 1
  }
  outcomes.push({ step, ...counts, ok: code === 0 && counts.failed === 0 && counts.passed > 0, seconds: (Date.now() - started) / 1000 })
}

async function playwrightSuite(step: string) {
  console.log(`\n━━ ${step} ━━`)
  const report = path.join(RESULTS, "e2e.json")
  rmSync(report, { force: true })
  const started = Date.now()
  const code = await run(node, [bin.playwright, "test", "--reporter=list,json"], path.join(ROOT, "tests"), {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  })
  const counts = { passed: 0, failed: 0, skipped: 0 }
  if (existsSync(report)) {
    const { stats } = JSON.parse(readFileSync(report, "utf8"))
    counts.passed = stats.expected + stats.flaky
    counts.failed = stats.unexpected
    counts.skipped = stats.skipped
  }
  if (code !== 0 && counts.failed === 0) counts.failed = 1
  outcomes.push({ step, ...counts, ok: code === 0 && counts.passed > 0, seconds: (Date.now() - started) / 1000 })
}

async function main() {
  mkdirSync(RESULTS, { recursive: true })
  const built = await gate("build", node, [bin.turbo, "run", "build", "--output-logs=errors-only"])
  if (built) {
    await gate("typecheck", node, [bin.turbo, "run", "typecheck", "--output-logs=errors-only"])
    for (const workspace of [
      "plugins/village",
      "plugins/media",
      "plugins/search",
      "plugins/marketplace",
      "backend",
      "packages/web-common",
      "storefront",
      "seller-portal",
    ]) {
      await vitestSuite(`unit: ${workspace}`, path.join(ROOT, workspace))
    }
    await vitestSuite("integration", path.join(ROOT, "tests"))
    await playwrightSuite("end-to-end")
  }

  const width = Math.max(...outcomes.map((outcome) => outcome.step.length))
  console.log("\n━━ summary ━━")
  for (const outcome of outcomes) {
    const tests = outcome.passed + outcome.failed > 0 ? `${outcome.passed} passed, ${outcome.failed} failed` : ""
    console.log(`${outcome.ok ? "✓" : "✗"} ${outcome.step.padEnd(width)}  ${tests.padEnd(24)} ${outcome.seconds.toFixed(0)} s`)
  }
  const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0)
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0) + outcomes.filter((o) => !o.ok && o.failed === 0).length
  const skipped = outcomes.reduce((sum, outcome) => sum + outcome.skipped, 0)
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`)
  process.exit(failed === 0 && outcomes.every((outcome) => outcome.ok) ? 0 : 1)
}

void main()
