import type { LoaderFunctionArgs } from "@remix-run/node";

import { incomeCsv } from "../lib/income-page.server";

/** The area income report as CSV (UTF-8 with a byte-order mark), with the dashboard's filters. */
export function loader({ request }: LoaderFunctionArgs) {
  return incomeCsv(request, { kind: "area" });
}
