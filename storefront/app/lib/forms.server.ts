import type { Locale } from "@tianyuan/web-common/locale.ts";
import type { z } from "zod";

import { FETCHER_FIELD } from "./hydrated";

import { translations } from "../i18n/translations.server";
import type { Translation } from "../i18n/zh-CN";

export type FormErrorKey = keyof Translation["formErrors"];

/** A schema's messages are keys of `formErrors`, turned into the buyer's language by readForm. */
export function formError(key: FormErrorKey) {
  return { error: key };
}

/** A `formErrors` text in the buyer's language, with its placeholders filled in. */
export function formErrorText(locale: Locale, key: FormErrorKey, values: Record<string, string | number> = {}): string {
  return translations[locale].formErrors[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * What a failed form sends back to its page: what the buyer typed (never passwords), a message per
 * field, and a message for the whole form, all already in the buyer's language.
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

/** The posted text fields (files and repeated names aside): what a schema reads. */
export function formFields(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * Validates a posted form with its schema. `echo` lists the fields whose typed text goes back to
 * the page when something is wrong, so the buyer does not type it again.
 */
export function readForm<Schema extends z.ZodObject>(
  schema: Schema,
  formData: FormData,
  locale: Locale,
  echo: readonly FieldOf<Schema>[],
): FormSubmission<z.output<Schema>, FieldOf<Schema>> {
  type Field = FieldOf<Schema>;
  const fields = formFields(formData);
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
    const text = schemaMessage(locale, issue.message);
    const field = issue.path[0];
    if (typeof field === "string" && field in schema.shape) {
      fieldErrors[field as Field] ??= text;
    } else {
      aboutTheForm ??= text;
    }
  }
  return { ok: false, failure: { values, fieldErrors, formError: aboutTheForm } };
}

/** A schema message in the buyer's language; a message zod wrote itself reads as "something is wrong". */
function schemaMessage(locale: Locale, key: string): string {
  const messages = translations[locale].formErrors;
  return key in messages ? messages[key as FormErrorKey] : messages.invalid;
}

export function formFailure<Field extends string>(
  values: Partial<Record<Field, string>>,
  formErrorMessage: string,
  fieldErrors: Partial<Record<Field, string>> = {},
): FormFailure<Field> {
  return { values, fieldErrors, formError: formErrorMessage };
}

/** A post a fetcher sent (see `FetcherMarker`) wants data back; a plain post wants a redirect. */
export function cameFromFetcher(formData: FormData): boolean {
  return formData.get(FETCHER_FIELD) === "1";
}
