import type { Locale } from "@tianyuan/web-common/locale.ts";
import { z } from "zod";

import { normaliseMobile } from "./checkout-forms.server";
import { formError } from "./forms.server";
import { callStore } from "./medusa.server";
import { isStoreError, type CallStore } from "./store-api.server";

// Buyers' accounts through Medusa's own routes: `/auth/customer/emailpass` (log in),
// `/auth/customer/emailpass/register` then `POST /store/customers` (register), `/store/customers/me`.

const tokenSchema = z.object({ token: z.string().min(1) });

const customerSchema = z.object({
  customer: z.object({
    id: z.string(),
    email: z.string(),
    first_name: z.string().nullish(),
    phone: z.string().nullish(),
  }),
});

export type Customer = { id: string; email: string; name: string; phone: string };

/** Medusa refused the e-mail and password (401: wrong password, unknown account, taken on register). */
export class CredentialsRefusedError extends Error {
  override name = "CredentialsRefusedError";
}

export function createAccountApi(call: CallStore) {
  async function authenticate(path: string, body: { email: string; password: string }, locale: Locale): Promise<string> {
    try {
      return tokenSchema.parse(await call(path, { method: "POST", body, locale })).token;
    } catch (error) {
      if (isStoreError(error, 401) || isStoreError(error, 400)) throw new CredentialsRefusedError(error.message);
      throw error;
    }
  }

  /** A token for the customer, or CredentialsRefusedError. */
  function logIn(credentials: { email: string; password: string }, locale: Locale): Promise<string> {
    return authenticate("/auth/customer/emailpass", credentials, locale);
  }

  /**
   * Registers the e-mail and password, creates the customer, and logs in (the registration token
   * has no customer yet). CredentialsRefusedError when the e-mail already has an account.
   */
  async function register(
    account: { email: string; password: string; name: string; phone: string | null },
    locale: Locale,
  ): Promise<string> {
    const registration = await authenticate(
      "/auth/customer/emailpass/register",
      { email: account.email, password: account.password },
      locale,
    );
    await call("/store/customers", {
      method: "POST",
      token: registration,
      locale,
      body: { email: account.email, first_name: account.name, ...(account.phone ? { phone: account.phone } : {}) },
    });
    return logIn({ email: account.email, password: account.password }, locale);
  }

  /** The signed-in customer; null when the token is no longer accepted (401). */
  async function me(token: string, locale: Locale): Promise<Customer | null> {
    try {
      const { customer } = customerSchema.parse(await call("/store/customers/me", { token, locale }));
      return { id: customer.id, email: customer.email, name: customer.first_name ?? "", phone: customer.phone ?? "" };
    } catch (error) {
      if (isStoreError(error, 401)) return null;
      throw error;
    }
  }

  return { logIn, register, me };
}

export const accountApi = createAccountApi(callStore);

const MIN_PASSWORD_LENGTH = 8;

const email = z.string(formError("emailInvalid")).trim().toLowerCase().pipe(z.email(formError("emailInvalid")));

export const loginFormSchema = z.object({
  email,
  password: z.string(formError("passwordRequired")).min(1, formError("passwordRequired")),
  redirectTo: z.string().optional(),
});

export const registerFormSchema = z.object({
  name: z
    .string(formError("nameInvalid"))
    .trim()
    .refine((name) => [...name].length >= 1 && [...name].length <= 40, formError("nameInvalid")),
  email,
  phone: z
    .string()
    .optional()
    .transform((input, context) => {
      if (input === undefined || input.trim() === "") return null;
      const mobile = normaliseMobile(input);
      if (mobile === null) {
        context.addIssue({ code: "custom", message: "phoneInvalid" });
        return z.NEVER;
      }
      return mobile;
    }),
  password: z
    .string(formError("passwordWeak"))
    .refine((password) => password.length >= MIN_PASSWORD_LENGTH && /\D/.test(password), formError("passwordWeak")),
  redirectTo: z.string().optional(),
});
