/** The part of autocannon 8's API the benches use (it ships no types). */
declare module "autocannon" {
  import type { EventEmitter } from "node:events"

  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string }
    type Options = {
      url: string
      connections?: number
      duration?: number
      method?: string
      headers?: Record<string, string>
      body?: string
      requests?: { method?: string; path?: string; body?: string; setupRequest?: (request: Request, context: Record<string, unknown>) => Request }[]
      setupClient?: (client: EventEmitter) => void
    }
    type Result = {
      duration: number
      errors: number
      timeouts: number
      non2xx: number
      requests: { total: number; average: number }
      latency: { p50: number; p97_5: number; p99: number; average: number }
    }
  }
  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): EventEmitter
  export = autocannon
}
