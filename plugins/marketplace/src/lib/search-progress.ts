/**
 * Lets `npm run search:reindex` draw a progress bar: the Search module's reindex only logs every 10 s,
 * so the produce index's seed reports each page of products it has read and turned into documents.
 * Kept on `globalThis` so the script and the plugin's index definition share it whichever copy of
 * this file each loaded.
 */
export type SearchSeedProgress = {
  index: string
  /** Products read in this page. */
  read: number
  /** Documents written from them (the rest were not produce on sale). */
  indexed: number
  /** The catch-up pass after a full seed: what changed while it ran. */
  catchup: boolean
}

type Listener = (progress: SearchSeedProgress) => void

const KEY = Symbol.for("tianyuan.search.seed-progress")
const registry = globalThis as typeof globalThis & { [KEY]?: Set<Listener> }

function listeners(): Set<Listener> {
  registry[KEY] ??= new Set()
  return registry[KEY]!
}

/** Returns the function that stops listening. */
export function onSearchSeedProgress(listener: Listener): () => void {
  listeners().add(listener)
  return () => listeners().delete(listener)
}

export function reportSearchSeedProgress(progress: SearchSeedProgress): void {
  for (const listener of listeners()) listener(progress)
}
