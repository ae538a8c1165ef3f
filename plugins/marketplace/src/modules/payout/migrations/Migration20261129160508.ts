import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129160508 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stripe_event" drop constraint if exists "stripe_event_event_id_unique";`);
    this.addSql(`alter table if exists "payout_ledger_entry" drop constraint if exists "payout_ledger_entry_idempotency_key_unique";`);
    this.addSql(`alter table if exists "payout_account" drop constraint if exists "payout_account_cooperative_id_unique";`);
    this.addSql(`create table if not exists "payout_account" ("id" text not null, "cooperative_id" text not null, "stripe_account_id" text null, "bank_account_name" text not null default '', "bank_name" text not null default '', "bank_account_last4" text not null default '', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_account_cooperative_id_unique" ON "payout_account" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_account_deleted_at" ON "payout_account" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payout_ledger_entry" ("id" text not null, "cooperative_id" text not null, "order_id" text null, "line_item_id" text null, "kind" text check ("kind" in ('earned', 'commission', 'refund', 'refund_commission', 'payout')) not null, "amount_fen" integer not null, "commission_rate_bps" integer null, "reference_id" text null, "description" text not null default '', "payout_run_id" text null, "idempotency_key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_ledger_entry_idempotency_key_unique" ON "payout_ledger_entry" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_ledger_entry_deleted_at" ON "payout_ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_ledger_entry_cooperative_id_created_at" ON "payout_ledger_entry" ("cooperative_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_ledger_entry_order_id" ON "payout_ledger_entry" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_ledger_entry_payout_run_id" ON "payout_ledger_entry" ("payout_run_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payout_run" ("id" text not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "status" text check ("status" in ('draft', 'settled')) not null default 'draft', "method" text check ("method" in ('manual', 'stripe_connect')) not null default 'manual', "reference" text null, "settled_at" timestamptz null, "total_fen" integer not null default 0, "lines" jsonb not null default '{"items":[]}', "created_by" text null, "settled_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_run_deleted_at" ON "payout_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_run_status" ON "payout_run" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stripe_event" ("id" text not null, "event_id" text not null, "type" text not null, "object_id" text null, "received_at" timestamptz not null, "processed_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stripe_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stripe_event_event_id_unique" ON "stripe_event" ("event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_event_deleted_at" ON "stripe_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_event_object_id" ON "stripe_event" ("object_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payout_account" cascade;`);

    this.addSql(`drop table if exists "payout_ledger_entry" cascade;`);

    this.addSql(`drop table if exists "payout_run" cascade;`);

    this.addSql(`drop table if exists "stripe_event" cascade;`);
  }

}
