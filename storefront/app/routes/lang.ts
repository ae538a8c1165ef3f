import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { languageChoiceSchema } from "../i18n/language-choice.server";
import { serializeLocaleCookie } from "../i18n/locale.server";
import { safeRedirectPath } from "../lib/safe-redirect";

export async function action({ request }: ActionFunctionArgs) {
  const choice = languageChoiceSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!choice.success) {
    return new Response("Unsupported language choice", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return redirect(safeRedirectPath(choice.data.redirectTo), {
    headers: {
      "Set-Cookie": serializeLocaleCookie(choice.data.lng, {
        secure: new URL(request.url).protocol === "https:",
      }),
    },
  });
}

/** Someone opening /lang directly has nothing to see here. */
export function loader() {
  return redirect("/");
}
