import { z } from "zod";

import { formError } from "./forms.server";

// The checkout's forms, checked before the backend is called; the backend checks the area codes
// against the area data again (`address_area_unknown`).

const MAX_NAME_LENGTH = 40;
const MAX_ADDRESS_LENGTH = 120;

/**
 * A mainland China mobile number: 11 digits starting with 1 (13x–19x). Spaces, dashes and a +86 or
 * 0086 prefix, as people paste them, are dropped.
 */
export function normaliseMobile(input: string): string | null {
  const digits = input.replace(/[\s\-()（）]/g, "").replace(/^(\+86|0086)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

const text = (max: number, key: Parameters<typeof formError>[0], min = 1) =>
  z
    .string(formError(key))
    .trim()
    .refine((value) => [...value].length >= min && [...value].length <= max, formError(key));

const code = (digits: number, key: Parameters<typeof formError>[0]) =>
  z.string(formError(key)).trim().regex(new RegExp(`^\\d{${digits}}$`), formError(key));

export const addressFormSchema = z
  .object({
    email: z.string(formError("emailInvalid")).trim().toLowerCase().pipe(z.email(formError("emailInvalid"))),
    name: text(MAX_NAME_LENGTH, "nameInvalid"),
    phone: z.string(formError("phoneInvalid")).transform((input, context) => {
      const mobile = normaliseMobile(input);
      if (mobile === null) {
        context.addIssue({ code: "custom", message: "phoneInvalid" });
        return z.NEVER;
      }
      return mobile;
    }),
    // Province 2 digits, city 4, district (county) 6, each inside the one before (GB/T 2260).
    province: code(2, "provinceMissing"),
    city: code(4, "cityMissing"),
    district: code(6, "districtMissing"),
    street: text(MAX_ADDRESS_LENGTH, "streetInvalid", 2),
    detail: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim())
      .refine((value) => [...value].length <= MAX_ADDRESS_LENGTH, formError("detailTooLong")),
  })
  .superRefine((address, context) => {
    if (!address.city.startsWith(address.province)) {
      context.addIssue({ code: "custom", path: ["city"], message: "cityMissing" });
    }
    if (!address.district.startsWith(address.city)) {
      context.addIssue({ code: "custom", path: ["district"], message: "districtMissing" });
    }
  });

export type AddressForm = z.output<typeof addressFormSchema>;

/** The address form's fields, echoed back when something is wrong (nothing typed is lost). */
export const addressFields = ["email", "name", "phone", "province", "city", "district", "street", "detail"] as const;

export const placeOrderSchema = z.object({
  payment: z.enum(["manual", "stripe"], formError("paymentMissing")),
});
