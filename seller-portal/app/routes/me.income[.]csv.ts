import type { LoaderFunctionArgs } from "@remix-run/node";

import { incomeCsv } from "../lib/income-page.server";

/** A farmer's own income as CSV. */
export function loader({ request }: LoaderFunctionArgs) {
  return incomeCsv(request, { kind: "me" });
}
