/**
 * Catch-all for unknown paths. Without it Remix answers 404 before the root loader runs, and the
 * error page would have no language; throwing here lets the root ErrorBoundary render translated.
 */
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function UnknownPath() {
  return null;
}
