import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129160431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "commission_line" drop constraint if exists "commission_line_line_item_id_unique";`);
    this.addSql(`alter table if exists "checkout_order" drop constraint if exists "checkout_order_order_id_unique";`);
    this.addSql(`alter table if exists "checkout" drop constraint if exists "checkout_cart_id_unique";`);
    this.addSql(`create table if not exists "checkout" ("id" text not null, "cart_id" text not null, "customer_id" text null, "email" text not null, "currency_code" text not null default 'cny', "payment_collection_id" text null, "payment_provider" text null, "items_total_fen" integer not null default 0, "shipping_total_fen" integer not null default 0, "total_fen" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "checkout_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_checkout_cart_id_unique" ON "checkout" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_deleted_at" ON "checkout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_customer_id" ON "checkout" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "checkout_order" ("id" text not null, "order_id" text not null, "cooperative_id" text not null, "position" integer not null default 0, "total_fen" integer not null default 0, "checkout_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "checkout_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_checkout_order_order_id_unique" ON "checkout_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_order_checkout_id" ON "checkout_order" ("checkout_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_order_deleted_at" ON "checkout_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_order_cooperative_id" ON "checkout_order" ("cooperative_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "commission_line" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "cooperative_id" text not null, "rate_bps" integer not null, "gross_fen" integer not null, "commission_fen" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commission_line_line_item_id_unique" ON "commission_line" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_line_deleted_at" ON "commission_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_line_order_id" ON "commission_line" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_line_cooperative_id" ON "commission_line" ("cooperative_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "checkout_order" add constraint "checkout_order_checkout_id_foreign" foreign key ("checkout_id") references "checkout" ("id") on update cascade;`);

    this.addSql(`alter table if exists "cooperative" add column if not exists "shipping_profile_id" text null, add column if not exists "commission_rate_bps" integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "checkout_order" drop constraint if exists "checkout_order_checkout_id_foreign";`);

    this.addSql(`drop table if exists "checkout" cascade;`);

    this.addSql(`drop table if exists "checkout_order" cascade;`);

    this.addSql(`drop table if exists "commission_line" cascade;`);

    this.addSql(`alter table if exists "cooperative" drop column if exists "shipping_profile_id", drop column if exists "commission_rate_bps";`);
  }

}
