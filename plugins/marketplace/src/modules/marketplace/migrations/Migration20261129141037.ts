import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129141037 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "cooperative" drop constraint if exists "cooperative_handle_unique";`);
    this.addSql(`create table if not exists "cooperative" ("id" text not null, "name" text not null, "handle" text not null, "village_code" text not null, "description" text not null default '', "contact_name" text not null default '', "contact_phone" text not null default '', "status" text check ("status" in ('pending', 'active', 'suspended')) not null default 'pending', "photo_url" text null, "stock_location_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "cooperative_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_cooperative_handle_unique" ON "cooperative" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_deleted_at" ON "cooperative" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_village_code" ON "cooperative" ("village_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_cooperative_status" ON "cooperative" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "produce_audit_entry" ("id" text not null, "cooperative_id" text not null, "product_id" text not null, "action" text check ("action" in ('created', 'updated', 'archived', 'certificate_issued')) not null, "actor_member_id" text not null, "actor_role" text not null, "on_behalf_of_member_id" text null, "changes" jsonb not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "produce_audit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_produce_audit_entry_deleted_at" ON "produce_audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_produce_audit_entry_cooperative_id_product_id" ON "produce_audit_entry" ("cooperative_id", "product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "produce_details" ("id" text not null, "unit" text check ("unit" in ('jin', 'kg', 'box', 'piece')) not null, "net_weight_grams" integer null, "grade" text null, "variety" text null, "harvest_date" timestamptz null, "preorder_opens_at" timestamptz null, "preorder_closes_at" timestamptz null, "ships_from" timestamptz null, "origin_area_code" text not null, "farmer_member_id" text not null, "storage" text check ("storage" in ('ambient', 'chilled')) not null default 'ambient', "certifications" jsonb not null default '{"items":[]}', "story" text not null default '', "photos" jsonb not null default '{"items":[]}', "archived_at" timestamptz null, "cooperative_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "produce_details_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_produce_details_cooperative_id" ON "produce_details" ("cooperative_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_produce_details_deleted_at" ON "produce_details" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_produce_details_farmer_member_id" ON "produce_details" ("farmer_member_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_produce_details_origin_area_code" ON "produce_details" ("origin_area_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "compliance_certificate" ("id" text not null, "product_name" text not null, "quantity" text not null, "producer_name" text not null, "origin" text not null, "contact" text not null, "issued_on" timestamptz not null, "commitment" text not null, "issued_by_member_id" text not null, "produce_details_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "compliance_certificate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_compliance_certificate_produce_details_id" ON "compliance_certificate" ("produce_details_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_compliance_certificate_deleted_at" ON "compliance_certificate" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "produce_details" add constraint "produce_details_cooperative_id_foreign" foreign key ("cooperative_id") references "cooperative" ("id") on update cascade;`);

    this.addSql(`alter table if exists "compliance_certificate" add constraint "compliance_certificate_produce_details_id_foreign" foreign key ("produce_details_id") references "produce_details" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "produce_details" drop constraint if exists "produce_details_cooperative_id_foreign";`);

    this.addSql(`alter table if exists "compliance_certificate" drop constraint if exists "compliance_certificate_produce_details_id_foreign";`);

    this.addSql(`drop table if exists "cooperative" cascade;`);

    this.addSql(`drop table if exists "produce_audit_entry" cascade;`);

    this.addSql(`drop table if exists "produce_details" cascade;`);

    this.addSql(`drop table if exists "compliance_certificate" cascade;`);
  }

}
