import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { rememberLanguageChoice } from "@tianyuan/web-common/language-choice.server.ts";

export function action({ request }: ActionFunctionArgs) {
  return rememberLanguageChoice(request);
}

/** Someone opening /lang directly has nothing to see here. */
export function loader() {
  return redirect("/");
}
