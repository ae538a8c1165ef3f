import { z } from "zod";

import { formError } from "./forms.server";

// The village screens' forms: mostly buttons, so a failure here means a form we did not render.

const MAX_MESSAGE_LENGTH = 500;

const villageCode = z.string(formError("invalid")).regex(/^\d{12}$/, formError("invalid"));
const id = z.string(formError("invalid")).min(1, formError("invalid")).max(100, formError("invalid"));

export const joinRequestFormSchema = z.object({
  village_code: villageCode,
  message: z
    .string()
    .optional()
    .transform((message) => message?.trim() || undefined)
    .refine(
      (message) => message === undefined || [...message].length <= MAX_MESSAGE_LENGTH,
      formError("messageTooLong"),
    ),
});

export const joinRequestDecisionFormSchema = z.object({
  decision: z.enum(["approve", "decline"], formError("invalid")),
  request_id: id,
});

export const villageMemberActionFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("verification"),
      member_id: id,
      status: z.enum(["verified", "rejected"], formError("invalid")),
    }),
    z.object({
      intent: z.literal("revoke"),
      membership_id: id,
      // Without it the page asks first; the confirmation form posts again with confirm=1.
      confirm: z.literal("1").optional(),
    }),
  ],
  formError("invalid"),
);

export type VillageMemberAction = z.infer<typeof villageMemberActionFormSchema>;
