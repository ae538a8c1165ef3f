import type { LoaderFunctionArgs } from "@remix-run/node";

import { incomeCsv } from "../lib/income-page.server";

/** A cooperative's income as CSV, for its managers. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return incomeCsv(request, { kind: "cooperative", id: params.id ?? "" });
}
