import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatCny } from "@tianyuan/web-common/money.ts";
import { ProduceThumbnail } from "@tianyuan/web-common/produce-picture.tsx";
import { useLocale } from "@tianyuan/web-common/use-locale.ts";
import { useTranslation } from "react-i18next";

import { CooperativeNav } from "../components/cooperative-orders";
import { FormError, FormField } from "../components/form-field";
import { NoticeBanner } from "../components/notice-banner";
import { env } from "../env.server";
import { isBackendError, notFoundWhenMissing } from "../lib/backend.server";
import { certificatesPath, cooperativePath, newProducePath } from "../lib/cooperative-paths";
import { cooperativeApi } from "../lib/medusa.server";
import type { Notice } from "../lib/notice";
import { produceRowActionSchema, readVariantEdits } from "../lib/produce-forms.server";
import { rowVersion, variantFieldName, type ProduceRow } from "../lib/produce-list";
import { toProduceRow } from "../lib/produce-list.server";
import { asMember, redirectWithNotice, requireMemberAccess, takeNotice } from "../lib/session.server";
import type { loader as rootLoader } from "../root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const [standing, produce] = await notFoundWhenMissing(
    asMember(request, (access) =>
      Promise.all([
        cooperativeApi.getStanding(access, cooperativeId),
        cooperativeApi.listProduce(access, cooperativeId),
      ]),
    ),
  );
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      cooperative: {
        id: standing.cooperative.id,
        name: standing.cooperative.name,
        active: standing.cooperative.status === "active",
      },
      // Managers and agents see every farmer's produce, so each row says whose it is.
      showFarmer: standing.acting_as !== "farmer",
      manager: standing.acting_as === "coop_manager",
      // On sale first; archived produce stays listed below, with its certificates.
      rows: [...produce].sort((a, b) => Number(a.archived) - Number(b.archived)).map(toProduceRow),
      storefrontUrl: env.STOREFRONT_URL,
      notice,
    },
    { headers },
  );
}

type RowFailure = {
  productId: string;
  values: Partial<Record<string, string>>;
  fieldErrors: Partial<Record<string, string>>;
  formError: string | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const cooperativeId = params.id ?? "";
  const { locale } = await requireMemberAccess(request);
  const formData = await request.formData();
  const parsed = produceRowActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const rowAction = parsed.data;
  const productId = rowAction.product_id;

  // Someone else's produce, or another cooperative's, answers 404 like an unknown one.
  const produce = await notFoundWhenMissing(
    asMember(request, (access) => cooperativeApi.getProduce(access, cooperativeId, productId)),
  );
  const failed = (status: number, rowFailure: RowFailure) =>
    data({ rowFailure, confirmArchive: null }, { status });

  if (rowAction.intent === "save") {
    const edits = readVariantEdits(
      formData,
      produce.variants.map((variant) => variant.id),
      locale,
    );
    if (!edits.ok) return failed(400, { productId, ...edits.failure });
    try {
      await asMember(request, (access) => cooperativeApi.changeVariants(access, cooperativeId, productId, edits.changes));
    } catch (error) {
      // Archived meanwhile (409), a price the backend refuses: its words, beside the row.
      if (!isBackendError(error) || error.status >= 500) throw error;
      return failed(error.status, { productId, values: edits.values, fieldErrors: {}, formError: error.message });
    }
    return redirectWithNotice(request, `${cooperativePath(cooperativeId)}#produce-${productId}`, {
      key: "produceSaved",
      title: produce.title,
      productId,
    });
  }

  // First press: ask. The confirmation form posts again with confirm=1, so this works without JavaScript.
  if (rowAction.confirm !== "1") {
    return { rowFailure: null, confirmArchive: { productId, title: produce.title } };
  }
  try {
    await asMember(request, (access) => cooperativeApi.archiveProduce(access, cooperativeId, productId));
  } catch (error) {
    if (!isBackendError(error) || error.status >= 500) throw error;
    return failed(error.status, { productId, values: {}, fieldErrors: {}, formError: error.message });
  }
  return redirectWithNotice(request, cooperativePath(cooperativeId), { key: "produceArchived", title: produce.title });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const translation = matches.find((match) => match.id === "root")?.data?.translation;
  if (!translation || !data) return [];
  return [{ title: `${translation.produceList.title} · ${data.cooperative.name} · ${translation.app.name}` }];
};

export default function ProduceListPage() {
  const { cooperative, showFarmer, manager, rows, storefrontUrl, notice } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const { t } = useTranslation();
  const savedNotice = notice?.key === "produceSaved" ? notice : null;

  return (
    <>
      <CooperativeNav cooperativeId={cooperative.id} manager={manager} current="produce" />
      {savedNotice ? null : <NoticeBanner notice={notice} />}
      <section className="page-intro">
        <h1>{t("produceList.title")}</h1>
        <p>{t("produceList.cooperative", { name: cooperative.name })}</p>
      </section>
      {cooperative.active ? (
        <p>
          <Link to={newProducePath(cooperative.id)} className="button button--wide">
            {t("produceList.addProduce")}
          </Link>
        </p>
      ) : (
        <p className="notice">{t("produceList.notActive")}</p>
      )}
      {outcome?.confirmArchive ? <ConfirmArchive {...outcome.confirmArchive} /> : null}
      {rows.length === 0 ? (
        <p className="notice">{t("produceList.empty")}</p>
      ) : (
        <ul className="record-list produce-list">
          {rows.map((row, index) => (
            <li key={row.id} id={`produce-${row.id}`} className="produce-row">
              <ProduceRowView
                row={row}
                cooperativeId={cooperative.id}
                showFarmer={showFarmer}
                storefrontUrl={storefrontUrl}
                eagerPhoto={index < 2}
                failure={outcome?.rowFailure?.productId === row.id ? outcome.rowFailure : null}
                saved={savedNotice?.productId === row.id ? savedNotice : null}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ProduceRowView({
  row,
  cooperativeId,
  showFarmer,
  storefrontUrl,
  eagerPhoto,
  failure,
  saved,
}: {
  row: ProduceRow;
  cooperativeId: string;
  showFarmer: boolean;
  storefrontUrl: string;
  eagerPhoto: boolean;
  failure: RowFailure | null;
  saved: Extract<Notice, { key: "produceSaved" }> | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("product_id") === row.id;
  const unit = t(`units.${row.unit}`);
  const titleId = `produce-${row.id}-title`;

  return (
    <article aria-labelledby={titleId}>
      <div className="produce-row__summary">
        {row.thumbnail ? (
          <ProduceThumbnail
            className="produce-row__photo"
            image={row.thumbnail}
            alt={t("produceList.photoAlt", { title: row.title })}
            eager={eagerPhoto}
          />
        ) : (
          <span className="produce-row__photo produce-row__photo--missing">{t("produceList.noPhoto")}</span>
        )}
        <div className="produce-row__facts">
          <h2 id={titleId} className="produce-row__title">
            {row.title}
          </h2>
          {row.archived ? <span className="status status--archived">{t("produceList.archived")}</span> : null}
          {!row.archived && !row.published ? (
            <span className="status">{t("produceList.unpublished")}</span>
          ) : null}
          {showFarmer && row.farmerName ? (
            <span className="record__meta">{t("produceList.farmer", { name: row.farmerName })}</span>
          ) : null}
          <ul className="produce-row__prices">
            {row.variants.map((variant) => (
              <li key={variant.id}>
                {row.variants.length > 1 ? `${variant.title} · ` : null}
                {variant.price === null ? "—" : t("unitPrice", { price: formatCny(variant.price, locale), unit })}
                {" · "}
                {t("produceList.inStock", { count: variant.stock, unit })}
              </li>
            ))}
          </ul>
        </div>
      </div>

      {saved ? (
        <p className="notice-banner" role="status">
          {t("notices.produceSaved", { title: saved.title })}
        </p>
      ) : null}

      {row.archived ? null : (
        // Keyed by the saved values: after a save the fields start again from what was stored.
        <Form method="post" className="produce-row__form" key={rowVersion(row)} noValidate>
          <input type="hidden" name="product_id" value={row.id} />
          <FormError message={failure?.formError} />
          {row.variants.map((variant) => (
            <fieldset key={variant.id} className="produce-row__variant">
              {row.variants.length > 1 ? (
                <legend>{t("produceList.variant", { title: variant.title })}</legend>
              ) : null}
              <FormField
                name={variantFieldName("price", variant.id)}
                label={t("produceList.price", { unit })}
                inputMode="decimal"
                autoComplete="off"
                defaultValue={failure?.values[variantFieldName("price", variant.id)] ?? variant.priceText}
                error={failure?.fieldErrors[variantFieldName("price", variant.id)]}
              />
              <FormField
                name={variantFieldName("stock", variant.id)}
                label={t("produceList.stock", { unit })}
                inputMode="numeric"
                autoComplete="off"
                defaultValue={failure?.values[variantFieldName("stock", variant.id)] ?? String(variant.stock)}
                error={failure?.fieldErrors[variantFieldName("stock", variant.id)]}
              />
            </fieldset>
          ))}
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {t("produceList.save")}
          </button>
        </Form>
      )}

      <div className="button-row produce-row__actions">
        {row.archived ? null : (
          <Link to={certificatesPath(cooperativeId, row.id)} className="button button--secondary">
            {t("produceList.certificate")}
          </Link>
        )}
        {row.published && !row.archived ? (
          <a href={`${storefrontUrl}/produce/${encodeURIComponent(row.handle)}`} className="button button--secondary">
            {t("produceList.viewInStore")}
          </a>
        ) : null}
        {row.archived ? null : (
          <Form method="post">
            <input type="hidden" name="product_id" value={row.id} />
            <button type="submit" name="intent" value="archive" className="button button--danger" disabled={busy}>
              {t("produceList.archive")}
            </button>
          </Form>
        )}
      </div>
    </article>
  );
}

function ConfirmArchive({ productId, title }: { productId: string; title: string }) {
  const { t } = useTranslation();
  return (
    <section className="confirm-panel" aria-labelledby="confirm-archive-title">
      <h2 id="confirm-archive-title">{t("produceList.confirmTitle", { title })}</h2>
      <p>{t("produceList.confirmBody")}</p>
      <Form method="post" className="button-row">
        <input type="hidden" name="product_id" value={productId} />
        <input type="hidden" name="confirm" value="1" />
        {/* Focus brings the question into view wherever the member had scrolled to. */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <button type="submit" name="intent" value="archive" className="button button--danger" autoFocus>
          {t("produceList.confirm")}
        </button>
        <Link to="." className="button button--secondary">
          {t("produceList.cancel")}
        </Link>
      </Form>
    </section>
  );
}
