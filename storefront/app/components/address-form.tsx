import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useState, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

import { useHydrated } from "../lib/hydrated";

export type AreaOption = { code: string; name: string };
type Field = "email" | "name" | "phone" | "province" | "city" | "district" | "street" | "detail";
export type AddressValues = Record<Field, string>;

/** What `/checkout/areas/:code` answers: the next level down. */
export type AreaChildren = { children: AreaOption[] };

/**
 * The buyer's contact and a Chinese address: e-mail, name, mobile number, then province → city →
 * district from the area data, then street and detail. With JavaScript the three selects cascade in
 * place; without it the buyer picks a province and presses "下一步" (the page comes back with its
 * cities, everything typed kept), and so on.
 */
export function AddressForm({
  values,
  areas,
  fieldErrors,
  formError,
}: {
  values: AddressValues;
  areas: { provinces: AreaOption[]; cities: AreaOption[]; districts: AreaOption[] };
  fieldErrors: Partial<Record<Field, string>>;
  formError: string | null;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "address";
  const cityFetcher = useFetcher<AreaChildren>();
  const districtFetcher = useFetcher<AreaChildren>();
  const [province, setProvince] = useState(values.province);
  const [city, setCity] = useState(values.city);
  const [district, setDistrict] = useState(values.district);
  // The server's lists belong to the province and city it was given; after a change here, the fetched ones.
  const cities = province === values.province ? areas.cities : (cityFetcher.data?.children ?? []);
  const districts = city === values.city ? areas.districts : (districtFetcher.data?.children ?? []);

  const chooseProvince = (code: string) => {
    setProvince(code);
    setCity("");
    setDistrict("");
    if (code) cityFetcher.load(`/checkout/areas/${code}`);
  };
  const chooseCity = (code: string) => {
    setCity(code);
    setDistrict("");
    if (code) districtFetcher.load(`/checkout/areas/${code}`);
  };

  return (
    <Form method="post" action="/checkout" className="form checkout-address" noValidate>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <TextField name="email" type="email" label={t("checkout.email")} autoComplete="email" values={values} errors={fieldErrors} />
      <TextField name="name" label={t("checkout.name")} autoComplete="name" values={values} errors={fieldErrors} />
      <TextField
        name="phone"
        type="tel"
        inputMode="tel"
        label={t("checkout.phone")}
        hint={t("checkout.phoneHint")}
        autoComplete="tel-national"
        values={values}
        errors={fieldErrors}
      />
      <fieldset className="checkout-address__area">
        <legend>{t("checkout.area")}</legend>
        <AreaSelect
          name="province"
          label={t("checkout.province")}
          placeholder={t("checkout.chooseProvince")}
          options={areas.provinces}
          value={province}
          onChange={chooseProvince}
          error={fieldErrors.province}
          step={hydrated ? null : t("checkout.nextCity")}
        />
        <AreaSelect
          name="city"
          label={t("checkout.city")}
          placeholder={cities.length > 0 ? t("checkout.chooseCity") : t("checkout.provinceFirst")}
          options={cities}
          value={city}
          onChange={chooseCity}
          error={fieldErrors.city}
          busy={cityFetcher.state !== "idle"}
          step={hydrated || cities.length === 0 ? null : t("checkout.nextDistrict")}
        />
        <AreaSelect
          name="district"
          label={t("checkout.district")}
          placeholder={districts.length > 0 ? t("checkout.chooseDistrict") : t("checkout.cityFirst")}
          options={districts}
          value={district}
          onChange={setDistrict}
          error={fieldErrors.district}
          busy={districtFetcher.state !== "idle"}
        />
      </fieldset>
      <TextField
        name="street"
        label={t("checkout.street")}
        hint={t("checkout.streetHint")}
        autoComplete="address-line1"
        values={values}
        errors={fieldErrors}
      />
      <TextField
        name="detail"
        label={t("checkout.detail")}
        hint={t("checkout.detailHint")}
        autoComplete="address-line2"
        values={values}
        errors={fieldErrors}
      />
      <button type="submit" name="intent" value="address" className="button button--wide" disabled={saving}>
        {t("checkout.saveAddress")}
      </button>
    </Form>
  );
}

function AreaSelect({
  name,
  label,
  placeholder,
  options,
  value,
  onChange,
  error,
  busy = false,
  step,
}: {
  name: "province" | "city" | "district";
  label: string;
  placeholder: string;
  options: AreaOption[];
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  busy?: boolean;
  /** Without JavaScript: the button that brings the next level's choices (a post with intent "area"). */
  step?: string | null;
}) {
  const id = `field-${name}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "form-field form-field--invalid" : "form-field"}>
      <label htmlFor={id}>{label}</label>
      <div className="area-select">
        <select
          id={id}
          name={name}
          value={options.some((option) => option.code === value) ? value : ""}
          onChange={(event) => onChange(event.target.value)}
          disabled={options.length === 0}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          aria-busy={busy || undefined}
        >
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
        {step ? (
          <button type="submit" name="intent" value="area" className="button button--secondary">
            {step}
          </button>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="form-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function TextField({
  name,
  label,
  hint,
  values,
  errors,
  ...input
}: Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "autoComplete" | "inputMode"> & {
  name: Exclude<Field, "province" | "city" | "district">;
  label: string;
  hint?: string;
  values: AddressValues;
  errors: Partial<Record<Field, string>>;
}) {
  const id = `field-${name}`;
  const error = errors[name];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "form-field form-field--invalid" : "form-field"}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        defaultValue={values[name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        {...input}
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
