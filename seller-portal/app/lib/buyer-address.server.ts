import type { AreaWithChildren } from "@tianyuan/web-common/admin-areas.ts";
import type { Locale } from "@tianyuan/web-common/locale.ts";

import type { BuyerAddress } from "./cooperative-orders";

type FindArea = (code: string, locale: Locale) => Promise<AreaWithChildren | null>;

/** What a courier needs on the slip: the area names from province down, then the street and number. */
export function addressText(address: BuyerAddress, area: AreaWithChildren | null, locale: Locale): string {
  const separator = locale === "en" ? ", " : "";
  const names = area
    ? [...area.area.parents.filter((parent) => parent.code !== area.area.code), area.area]
        .sort((a, b) => a.code.length - b.code.length)
        .map((named) => named.name)
    : // Without the area data: what the order kept, leaving out a bare code.
      [address.province, address.city].filter((name) => name !== "" && !/^\d+$/.test(name));
  const where = locale === "en" ? [...names].reverse().join(separator) : names.join(separator);
  const street = [address.address, address.postal_code].filter(Boolean).join(" ");
  return locale === "en" ? [street, where].filter(Boolean).join(", ") : [where, street].filter(Boolean).join(" ");
}

/**
 * Writes each address's `text` from the area data: the buyer picked province, city and district by
 * code, and the order may keep only the codes of some. One lookup per distinct area, in parallel;
 * an area the data no longer knows falls back to what the order kept.
 */
export async function describeAddresses<T extends { address: BuyerAddress | null }>(
  holders: T[],
  findArea: FindArea,
  locale: Locale,
): Promise<T[]> {
  const codeOf = (address: BuyerAddress) =>
    address.codes.district_code ?? address.codes.city_code ?? address.codes.province_code ?? null;
  const codes = [...new Set(holders.flatMap(({ address }) => (address && codeOf(address) ? [codeOf(address)!] : [])))];
  const areas = new Map(
    await Promise.all(codes.map(async (code) => [code, await findArea(code, locale).catch(() => null)] as const)),
  );
  return holders.map((holder) => {
    if (!holder.address) return holder;
    const code = codeOf(holder.address);
    return { ...holder, address: { ...holder.address, text: addressText(holder.address, code ? (areas.get(code) ?? null) : null, locale) } };
  });
}
