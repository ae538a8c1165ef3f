import { z } from "zod";

import { locales } from "./locale";

/** The language switch form: which language, and where to go back to. */
export const languageChoiceSchema = z
  .object({
    lng: z.enum(locales),
    redirectTo: z.string().max(2048).optional(),
  })
  .strict();

export type LanguageChoice = z.infer<typeof languageChoiceSchema>;
