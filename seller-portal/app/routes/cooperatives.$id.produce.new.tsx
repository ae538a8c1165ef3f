import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { produceUnits, storageKinds } from "@tianyuan/web-common/produce.ts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";

import { ChoiceField, FormError, FormField, SelectField, TextAreaField } from "../components/form-field";
import { PhotoPicker } from "../components/photo-picker";
import { notFoundWhenMissing } from "../lib/backend.server";
import type { KeptPhoto } from "../lib/cooperative-produce";
import { cooperativeApi } from "../lib/medusa.server";
import { cooperativePath, photoUploadPath } from "../lib/cooperative-paths";
import { listNewProduce } from "../lib/new-produce.server";
import { MAX_PHOTOS } from "../lib/produce-forms.server";
import { asMember, redirectWithNotice, requireMemberAccess } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const standing = await notFoundWhenMissing(
    asMember(request, (access) => cooperativeApi.getStanding(access, cooperativeId)),
  );
  const { locale } = await requireMemberAccess(request);
  // What the produce is (水果, 粮油…), so buyers can filter by it; named in the member's language.
  const categories = (await cooperativeApi.listProduceCategories(locale)).map((category) => ({
    value: category.handle,
    label: locale === "en" && category.name_en ? category.name_en : category.name,
  }));
  return {
    categories,
    cooperative: { id: standing.cooperative.id, name: standing.cooperative.name },
    // A farmer lists their own produce; a manager or agent says whose it is.
    farmers: standing.acting_as === "farmer" ? null : standing.farmers,
    uploadUrl: photoUploadPath(cooperativeId),
    maxPhotos: MAX_PHOTOS,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const { locale } = await requireMemberAccess(request);
  const outcome = await listNewProduce(request, cooperativeId, locale);
  if (!outcome.ok) return data(outcome.failure, { status: outcome.status });
  return redirectWithNotice(request, cooperativePath(cooperativeId), {
    key: "produceListed",
    title: outcome.produce.title,
  });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  return translation ? [{ title: `${translation.newProduce.title} · ${translation.app.name}` }] : [];
};

const NO_PHOTOS: readonly KeptPhoto[] = [];

export default function NewProducePage() {
  const { cooperative, categories, farmers, uploadUrl, maxPhotos } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [photosBusy, setPhotosBusy] = useState(false);
  const onBusyChange = useCallback((busy: boolean) => setPhotosBusy(busy), []);
  const { t } = useTranslation();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  const unitOptions = produceUnits.map((unit) => ({ value: unit, label: t(`units.${unit}`) }));
  const storageOptions = storageKinds.map((kind) => ({ value: kind, label: t(`storage.${kind}`) }));
  const detailsHaveErrors = ["net_weight", "variety", "grade", "storage", "story"].some((field) => field in errors);

  return (
    <section className="form-page">
      <h1>{t("newProduce.title")}</h1>
      <p className="form-page__intro">{t("newProduce.intro")}</p>
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <FormError message={failure?.formError} />
        <PhotoPicker
          uploadUrl={uploadUrl}
          kept={failure?.photos ?? NO_PHOTOS}
          maxPhotos={maxPhotos}
          error={errors.photos}
          onBusyChange={onBusyChange}
        />
        <FormField
          name="title"
          label={t("newProduce.name")}
          hint={t("newProduce.nameHint")}
          required
          maxLength={80}
          enterKeyHint="next"
          defaultValue={values.title ?? ""}
          error={errors.title}
        />
        <ChoiceField
          name="unit"
          legend={t("newProduce.unit")}
          options={unitOptions}
          defaultValue={values.unit ?? "jin"}
          error={errors.unit}
        />
        {categories.length === 0 ? null : (
          <SelectField
            name="category"
            label={t("newProduce.category")}
            options={categories}
            placeholder={t("newProduce.chooseCategory")}
            defaultValue={values.category ?? ""}
            error={errors.category}
          />
        )}
        <FormField
          name="price"
          label={t("newProduce.price")}
          hint={t("newProduce.priceHint")}
          inputMode="decimal"
          autoComplete="off"
          required
          enterKeyHint="next"
          defaultValue={values.price ?? ""}
          error={errors.price}
        />
        <FormField
          name="stock"
          label={t("newProduce.stock")}
          hint={t("newProduce.stockHint")}
          inputMode="numeric"
          autoComplete="off"
          required
          enterKeyHint="next"
          defaultValue={values.stock ?? ""}
          error={errors.stock}
        />
        <FormField
          name="harvest_date"
          type="date"
          label={t("newProduce.harvestDate")}
          defaultValue={values.harvest_date ?? ""}
          error={errors.harvest_date}
        />
        {farmers === null ? null : farmers.length === 0 ? (
          <p className="form-error">{t("newProduce.noFarmers")}</p>
        ) : (
          <SelectField
            name="farmer_member_id"
            label={t("newProduce.farmer")}
            options={farmers.map((farmer) => ({ value: farmer.id, label: farmer.real_name || farmer.id }))}
            // With one farmer there is nothing to choose; the backend takes that one.
            placeholder={farmers.length === 1 ? undefined : t("newProduce.chooseFarmer")}
            required={farmers.length > 1}
            defaultValue={values.farmer_member_id ?? (farmers.length === 1 ? farmers[0]?.id : "")}
            error={errors.farmer_member_id}
          />
        )}
        {/* A <details> opens without JavaScript; it starts open when something in it needs fixing. */}
        <details className="form-more" open={detailsHaveErrors}>
          <summary>{t("newProduce.more")}</summary>
          <div className="form">
            <FormField
              name="net_weight"
              label={t("newProduce.netWeight")}
              inputMode="decimal"
              autoComplete="off"
              defaultValue={values.net_weight ?? ""}
              error={errors.net_weight}
            />
            <FormField
              name="variety"
              label={t("newProduce.variety")}
              maxLength={60}
              defaultValue={values.variety ?? ""}
              error={errors.variety}
            />
            <FormField
              name="grade"
              label={t("newProduce.grade")}
              maxLength={40}
              defaultValue={values.grade ?? ""}
              error={errors.grade}
            />
            <ChoiceField
              name="storage"
              legend={t("newProduce.storage")}
              options={storageOptions}
              defaultValue={values.storage ?? "ambient"}
              error={errors.storage}
            />
            <TextAreaField
              name="story"
              label={t("newProduce.story")}
              maxLength={2000}
              defaultValue={values.story ?? ""}
              error={errors.story}
            />
          </div>
        </details>
        {photosBusy ? (
          <p className="form-field__hint" role="status">
            {t("newProduce.photosWaiting")}
          </p>
        ) : null}
        <button type="submit" className="button button--wide" disabled={submitting || photosBusy}>
          {t("newProduce.submit")}
        </button>
        <p className="form-links">
          <Link to={cooperativePath(cooperative.id)}>{t("newProduce.back")}</Link>
        </p>
      </Form>
    </section>
  );
}
