import { model } from "@medusajs/framework/utils"

/**
 * One day's income of one produce of one farmer, sold by one cooperative, grown in one village
 * (issue 7): the rollup the income reports read. Rows are recomputed from `income_fact` for every key
 * an order event touches, so a row always equals the sum of its facts. `orders` and `buyers` are
 * exact distinct counts for the key and day; a period's distinct counts are taken from the facts.
 *
 * The id is the md5 of the key, so a recomputation is an upsert. The migration makes `day` a date,
 * money columns bigint and the code columns `COLLATE "C"` (prefix ranges and fast grouping);
 * `province_code`, `city_code` and `county_code` are the village code's prefixes, stored for the
 * area indexes (see the income section of tests/bench/README.md).
 */
export const IncomeDaily = model
  .define("income_daily", {
    id: model.text().primaryKey(),
    day: model.text(),
    village_code: model.text(),
    province_code: model.text(),
    city_code: model.text(),
    county_code: model.text(),
    cooperative_id: model.text(),
    product_id: model.text(),
    farmer_member_id: model.text(),
    unit: model.text(),
    gross_fen: model.number().default(0),
    refunds_fen: model.number().default(0),
    net_fen: model.number().default(0),
    commission_fen: model.number().default(0),
    fulfilled_fen: model.number().default(0),
    orders: model.number().default(0),
    buyers: model.number().default(0),
    quantity: model.number().default(0),
  })
  .indexes([
    { name: "IDX_income_daily_village_day", on: ["village_code", "day"], where: null },
    { name: "IDX_income_daily_county_day", on: ["county_code", "day"], where: null },
    { name: "IDX_income_daily_city_day", on: ["city_code", "day"], where: null },
    { name: "IDX_income_daily_province_day", on: ["province_code", "day"], where: null },
    { name: "IDX_income_daily_cooperative_day", on: ["cooperative_id", "day"], where: null },
    { name: "IDX_income_daily_farmer_day", on: ["farmer_member_id", "day"], where: null },
  ])
