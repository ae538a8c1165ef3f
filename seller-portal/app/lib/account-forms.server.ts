import { z } from "zod";

import { formError } from "./forms.server";
import { isStrongEnoughPassword, normaliseIdentifier } from "./member-identifier";

// One schema per account form, with the contract's rules, checked before the backend is called.

const MAX_REAL_NAME_LENGTH = 40;

const realName = z
  .string(formError("realNameInvalid"))
  .trim()
  .refine((name) => name.length >= 1 && [...name].length <= MAX_REAL_NAME_LENGTH, formError("realNameInvalid"));

/** An email address or a mainland mobile number, normalised (the key the account is stored under). */
const identifier = z.string(formError("identifierInvalid")).transform((input, context) => {
  const normalised = normaliseIdentifier(input);
  if (normalised === null) {
    context.addIssue({ code: "custom", message: "identifierInvalid" });
    return z.NEVER;
  }
  return normalised.value;
});

const newPassword = z.string(formError("passwordWeak")).refine(isStrongEnoughPassword, formError("passwordWeak"));

/** Only that something was typed: an account's existing password is the backend's to judge. */
const currentPassword = z.string(formError("passwordRequired")).min(1, formError("passwordRequired"));

/** A mobile number, or nothing (an empty field clears it). */
const optionalMobile = z
  .string()
  .optional()
  .transform((input, context) => {
    if (input === undefined || input.trim() === "") return null;
    const normalised = normaliseIdentifier(input);
    if (normalised?.kind !== "mobile") {
      context.addIssue({ code: "custom", message: "phoneInvalid" });
      return z.NEVER;
    }
    return normalised.value;
  });

export const registerFormSchema = z.object({ real_name: realName, identifier, password: newPassword });

export const loginFormSchema = z.object({
  identifier,
  password: currentPassword,
  redirectTo: z.string().optional(),
});

export const forgotPasswordFormSchema = z.object({ identifier });

export const resetPasswordFormSchema = z.object({
  token: z.string(formError("invalid")).min(1, formError("invalid")),
  password: newPassword,
});

export const profileFormSchema = z.object({ real_name: realName, phone: optionalMobile });

/** Which field a backend error code is about, on the register and profile forms. */
export const accountFieldForBackendCode = {
  identifier_taken: "identifier",
  invalid_identifier: "identifier",
  weak_password: "password",
  invalid_real_name: "real_name",
} as const;

/** On the profile form the identifier rules apply to the phone number. */
export const profileFieldForBackendCode = {
  invalid_identifier: "phone",
  invalid_real_name: "real_name",
} as const;
