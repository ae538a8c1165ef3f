import type { InputHTMLAttributes } from "react";

type FieldInputProps = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "autoComplete" | "inputMode" | "required" | "defaultValue" | "maxLength" | "spellCheck" | "autoCapitalize"
>;

/**
 * A labelled input with its hint and error underneath, tied to it for screen readers. Large enough
 * to tap on a phone; the error text comes from the server, already translated.
 */
export function FormField({
  name,
  label,
  hint,
  error,
  ...input
}: FieldInputProps & { name: string; label: string; hint?: string | undefined; error?: string | undefined }) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "form-field form-field--invalid" : "form-field"}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A message about the whole form (wrong password, the backend's refusal), read out when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
