import type pg from "pg"

/**
 * Products for the reindex figure of the search bench: the demo produce cloned in SQL until the
 * catalogue holds about `target` products, each clone with everything `npm run search:reindex` reads —
 * product, variants, price sets, prices and price rules, inventory items and levels, sales channel,
 * category, produce details and their link — under new ids ("<id>_<k>"), unique columns suffixed.
 *
 * So that pages are not 500 copies of the same 40 products: every clone grows in one of the seeded
 * villages (its produce_details.origin_area_code), spread over all of them, and its title starts with
 * that village's name (石头洛川红富士苹果), so titles, pinyin and area names vary as in a real catalogue.
 */

/** Columns that get "_<k>" (ids and keys of cloned rows, unique columns); `handle` gets "-<k>". */
const SUFFIXED = new Set(["id", "product_id", "variant_id", "price_set_id", "price_id", "inventory_item_id", "produce_details_id", "sku", "barcode", "ean", "upc"])

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table]
  )
  if (!rows.length) throw new Error(`No table ${table}`)
  return rows.map((row) => row.column_name)
}

/** INSERT … SELECT of `table` (alias t) joined with `from` (which provides the clone number c.k). */
async function cloneTable(client: pg.Client, table: string, from: string, overrides: Record<string, string> = {}): Promise<number> {
  const columns = await columnsOf(client, table)
  const values = columns.map((column) => {
    if (overrides[column]) return overrides[column]
    if (column === "handle") return `t."handle" || '-' || c.k`
    if (SUFFIXED.has(column)) return `t."${column}" || '_' || c.k`
    return `t."${column}"`
  })
  const result = await client.query(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) select ${values.join(", ")} from ${from}`)
  return result.rowCount ?? 0
}

export async function cloneDemoProducts(client: pg.Client, target: number, log: (line: string) => void): Promise<{ products: number; villages: number }> {
  const {
    rows: [{ n: demo }],
  } = await client.query<{ n: number }>(
    `select count(*)::int as n from product p join product_product_marketplace_produce_details l on l.product_id = p.id and l.deleted_at is null
      where p.deleted_at is null`
  )
  if (!demo) throw new Error("No produce to clone (was the demo data seeded?)")
  const clones = Math.max(0, Math.ceil(target / demo) - 1)
  await client.query("begin")
  try {
    await client.query(`create temp table clone_k on commit drop as select generate_series(1, ${clones}) as k`)
    await client.query(`create temp table clone_src on commit drop as
      select p.id as product_id, l.produce_details_id, row_number() over (order by p.id) as rn
        from product p join product_product_marketplace_produce_details l on l.product_id = p.id and l.deleted_at is null
       where p.deleted_at is null`)
    await client.query(`create temp table clone_village on commit drop as
      select code, regexp_replace(name, '(村民委员会|村委会)$', '') as short, row_number() over (order by code) - 1 as i
        from admin_area where length(code) = 12`)
    const {
      rows: [{ n: villages }],
    } = await client.query<{ n: number }>(`select count(*)::int as n from clone_village`)
    if (!villages) throw new Error("No villages in admin_area to spread the clones over")
    await client.query(`create temp table clone_origin on commit drop as
      select s.product_id, s.produce_details_id, k.k, v.code, v.short
        from clone_src s cross join clone_k k join clone_village v on v.i = (s.rn * 7919 + k.k * 104729) % ${villages}`)
    await client.query(`create temp table clone_variant on commit drop as
      select v.id from product_variant v where v.product_id in (select product_id from clone_src) and v.deleted_at is null`)
    await client.query(`create temp table clone_price_set on commit drop as
      select distinct price_set_id as id from product_variant_price_set where variant_id in (select id from clone_variant) and deleted_at is null`)
    await client.query(`create temp table clone_inventory on commit drop as
      select distinct inventory_item_id as id from product_variant_inventory_item where variant_id in (select id from clone_variant) and deleted_at is null`)

    const ks = `cross join clone_k c`
    const counts: Record<string, number> = {}
    counts.product = await cloneTable(client, "product", `product t join clone_origin c on c.product_id = t.id`, {
      title: `c.short || t."title"`,
      external_id: "null",
    })
    counts.produce_details = await cloneTable(client, "produce_details", `produce_details t join clone_origin c on c.produce_details_id = t.id`, {
      origin_area_code: "c.code",
    })
    counts.product_link = await cloneTable(
      client,
      "product_product_marketplace_produce_details",
      `product_product_marketplace_produce_details t join clone_origin c on c.product_id = t.product_id and c.produce_details_id = t.produce_details_id`
    )
    counts.product_sales_channel = await cloneTable(
      client,
      "product_sales_channel",
      `product_sales_channel t ${ks} where t.product_id in (select product_id from clone_src) and t.deleted_at is null`
    )
    counts.product_category_product = await cloneTable(
      client,
      "product_category_product",
      `product_category_product t ${ks} where t.product_id in (select product_id from clone_src)`
    )
    counts.product_variant = await cloneTable(client, "product_variant", `product_variant t ${ks} where t.id in (select id from clone_variant)`)
    counts.product_variant_price_set = await cloneTable(
      client,
      "product_variant_price_set",
      `product_variant_price_set t ${ks} where t.variant_id in (select id from clone_variant) and t.deleted_at is null`
    )
    counts.price_set = await cloneTable(client, "price_set", `price_set t ${ks} where t.id in (select id from clone_price_set)`)
    counts.price = await cloneTable(client, "price", `price t ${ks} where t.price_set_id in (select id from clone_price_set) and t.deleted_at is null`)
    counts.price_rule = await cloneTable(
      client,
      "price_rule",
      `price_rule t ${ks} where t.deleted_at is null and t.price_id in (select id from price where price_set_id in (select id from clone_price_set))`
    )
    counts.product_variant_inventory_item = await cloneTable(
      client,
      "product_variant_inventory_item",
      `product_variant_inventory_item t ${ks} where t.variant_id in (select id from clone_variant) and t.deleted_at is null`
    )
    counts.inventory_item = await cloneTable(client, "inventory_item", `inventory_item t ${ks} where t.id in (select id from clone_inventory)`)
    counts.inventory_level = await cloneTable(
      client,
      "inventory_level",
      `inventory_level t ${ks} where t.inventory_item_id in (select id from clone_inventory) and t.deleted_at is null`
    )
    await client.query("commit")
    log(`cloned ${demo} demo produce ×${clones}: ${Object.entries(counts).map(([table, n]) => `${table} ${n.toLocaleString("en")}`).join(", ")}`)
    return { products: demo * (clones + 1), villages }
  } catch (error) {
    await client.query("rollback").catch(() => undefined)
    throw error
  }
}
