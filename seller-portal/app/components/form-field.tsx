import type { InputHTMLAttributes } from "react";

type FieldInputProps = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  | "type"
  | "autoComplete"
  | "inputMode"
  | "required"
  | "defaultValue"
  | "maxLength"
  | "spellCheck"
  | "autoCapitalize"
  | "enterKeyHint"
  | "list"
>;

/**
 * A labelled input with its hint and error underneath, tied to it for screen readers.
 * Large enough to tap on a phone; the error text comes from the server, already translated.
 */
export function FormField({
  name,
  label,
  hint,
  error,
  idPrefix = "field",
  ...input
}: FieldInputProps & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** For a form shown once per row (each pickup point's), so ids stay unique on the page. */
  idPrefix?: string;
}) {
  const id = `${idPrefix}-${name}`;
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

/**
 * One choice out of a few, as big radio buttons side by side (斤 · 公斤 · 箱 · 件): one tap, no
 * dropdown to open, and it works without JavaScript.
 */
export function ChoiceField({
  name,
  legend,
  options,
  defaultValue,
  error,
}: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
}) {
  const errorId = error ? `field-${name}-error` : undefined;
  return (
    <fieldset
      className={error ? "choice-field form-field--invalid" : "choice-field"}
      aria-describedby={errorId}
    >
      <legend>{legend}</legend>
      <div className="choice-field__options">
        {options.map((option) => (
          <label key={option.value} className="choice-field__option">
            <input type="radio" name={name} value={option.value} defaultChecked={option.value === defaultValue} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A labelled dropdown, for a longer list (the cooperative's farmers). */
export function SelectField({
  name,
  label,
  options,
  placeholder,
  defaultValue,
  required,
  error,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  defaultValue?: string;
  required?: boolean;
  error?: string;
}) {
  const id = `field-${name}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "form-field form-field--invalid" : "form-field"}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      >
        {placeholder === undefined ? null : <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled several-line text, with an optional hint underneath. */
export function TextAreaField({
  name,
  label,
  hint,
  maxLength,
  defaultValue,
  error,
  idPrefix = "field",
}: {
  name: string;
  label: string;
  hint?: string;
  maxLength?: number;
  defaultValue?: string;
  error?: string;
  idPrefix?: string;
}) {
  const id = `${idPrefix}-${name}`;
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "form-field form-field--invalid" : "form-field"}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
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
