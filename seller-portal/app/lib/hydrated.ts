import { useEffect, useState } from "react";

/**
 * False in the server's HTML and until JavaScript has taken over the page, then true. Forms use it to
 * tell their action that a fetcher sent them (data back, no reload) rather than a plain post (post,
 * redirect, get), so every form also works with JavaScript disabled.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The hidden field a form carries once JavaScript runs; its action answers data instead of redirecting. */
export const FETCHER_FIELD = "_fetcher";
