import type { Locale } from "@tianyuan/web-common/locale.ts";
import type { z } from "zod";

import { translations } from "../i18n/translations.server";
import type { Translation } from "../i18n/zh-CN";
import type { BackendError } from "./backend.server";

export type FormErrorKey = keyof Translation["formErrors"];

/** A schema's messages are keys of `formErrors`, turned into the member's language by readForm. */
export function formError(key: FormErrorKey) {
  return { error: key };
}

/**
 * What a failed form sends back to its page: what the member typed (never passwords), a message per
 * field, and a message for the whole form, all already in the member's language.
 */
export type FormFailure<Field extends string> = {
  values: Partial<Record<Field, string>>;
  fieldErrors: Partial<Record<Field, string>>;
  formError: string | null;
};

export type FormSubmission<Data, Field extends string> =
  | { ok: true; data: Data; values: Partial<Record<Field, string>> }
  | { ok: false; failure: FormFailure<Field> };

export type FieldOf<Schema extends z.ZodObject> = string & keyof z.input<Schema>;

/**
 * Validates a posted form with its schema. `echo` lists the fields whose typed text goes back to
 * the page when something is wrong, so the member does not type it again.
 */
export function readForm<Schema extends z.ZodObject>(
  schema: Schema,
  formData: FormData,
  locale: Locale,
  echo: readonly FieldOf<Schema>[],
): FormSubmission<z.output<Schema>, FieldOf<Schema>> {
  type Field = FieldOf<Schema>;
  const fields = Object.fromEntries(
    [...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const values: Partial<Record<Field, string>> = {};
  for (const field of echo) {
    const value = fields[field];
    if (value !== undefined) values[field] = value;
  }

  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data, values };

  const fieldErrors: Partial<Record<Field, string>> = {};
  let aboutTheForm: string | null = null;
  for (const issue of result.error.issues) {
    const text = formErrorMessage(locale, issue.message);
    const field = issue.path[0];
    if (typeof field === "string" && field in schema.shape) {
      fieldErrors[field as Field] ??= text;
    } else {
      aboutTheForm ??= text;
    }
  }
  return { ok: false, failure: { values, fieldErrors, formError: aboutTheForm } };
}

/** A schema message in the member's language; a message zod wrote itself reads as "something is wrong". */
function formErrorMessage(locale: Locale, key: string): string {
  const messages = translations[locale].formErrors;
  return key in messages ? messages[key as FormErrorKey] : messages.invalid;
}

/**
 * Puts a backend error's message (already in the member's language) beside the field its code
 * is about, or above the form when it is about none of them.
 */
export function backendFailure<Field extends string>(
  error: BackendError,
  values: Partial<Record<Field, string>>,
  fieldForCode: Readonly<Partial<Record<string, NoInfer<Field>>>>,
): FormFailure<Field> {
  const field = fieldForCode[error.code];
  return field === undefined
    ? { values, fieldErrors: {}, formError: error.message }
    : { values, fieldErrors: { [field]: error.message } as Partial<Record<Field, string>>, formError: null };
}

export function formFailure<Field extends string>(
  values: Partial<Record<Field, string>>,
  formErrorText: string,
): FormFailure<Field> {
  return { values, fieldErrors: {}, formError: formErrorText };
}
