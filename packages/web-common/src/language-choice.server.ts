import { redirect } from "@remix-run/node";
import { z } from "zod";

import { locales } from "./locale.ts";
import { serializeLocaleCookie } from "./locale.server.ts";
import { safeRedirectPath } from "./safe-redirect.ts";

/** The language switch form: which language, and where to go back to. */
export const languageChoiceSchema = z
  .object({
    lng: z.enum(locales),
    redirectTo: z.string().max(2048).optional(),
  })
  .strict();

export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

/**
 * What POST /lang does in both apps: remember the language in the `lng` cookie and go back to the
 * page the switch was on (never off-site). A form we did not render answers 400 and sets nothing.
 */
export async function rememberLanguageChoice(request: Request): Promise<Response> {
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
