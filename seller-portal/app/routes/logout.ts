import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { endMemberSession } from "../lib/session.server";

export function action({ request }: ActionFunctionArgs) {
  return endMemberSession(request);
}

/** Logging out is a POST; opening /logout just goes home. */
export function loader() {
  return redirect("/");
}
