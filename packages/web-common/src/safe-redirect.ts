// Any absolute URL would do as the base: it only lets us see whether `target` escapes our origin.
const PROBE_ORIGIN = "http://tianyuan.invalid";

/**
 * A same-site path to send the browser back to, or `fallback`.
 * Only relative paths starting with a single "/" pass, so a crafted form cannot turn
 * /lang into an open redirect ("//evil.example", "/\\evil.example", "https://…", "javascript:…").
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  if (target.startsWith("//") || target.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines in URLs, which would turn "/\t/evil" into "//evil".
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;

  let url: URL;
  try {
    url = new URL(target, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
