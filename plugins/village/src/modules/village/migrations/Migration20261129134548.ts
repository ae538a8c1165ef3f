import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129134548 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "village" drop constraint if exists "village_handle_unique";`);
    this.addSql(`alter table if exists "village" drop constraint if exists "village_area_code_unique";`);
    this.addSql(`alter table if exists "membership" drop constraint if exists "membership_member_id_scope_type_scope_id_role_unique";`);
    this.addSql(`alter table if exists "join_request" drop constraint if exists "join_request_member_id_village_code_unique";`);
    this.addSql(`alter table if exists "member" drop constraint if exists "member_login_identifier_unique";`);
    this.addSql(`create table if not exists "admin_area" ("code" text not null, "name" text not null, "level" text check ("level" in ('province', 'city', 'county', 'town', 'village')) not null, "parent_code" text null, "pinyin" text not null, "initials" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "admin_area_pkey" primary key ("code"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_admin_area_deleted_at" ON "admin_area" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_admin_area_parent_code" ON "admin_area" ("parent_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "member" ("id" text not null, "real_name" text not null, "login_identifier" text not null, "email" text null, "phone" text null, "verification_status" text check ("verification_status" in ('unverified', 'verified', 'rejected')) not null default 'unverified', "verified_by" text null, "verified_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "member_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_login_identifier_unique" ON "member" ("login_identifier") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_member_deleted_at" ON "member" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "join_request" ("id" text not null, "village_code" text not null, "message" text null, "status" text check ("status" in ('pending', 'approved', 'declined')) not null default 'pending', "decided_by" text null, "decided_at" timestamptz null, "member_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "join_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_join_request_member_id" ON "join_request" ("member_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_join_request_deleted_at" ON "join_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_join_request_member_id_village_code_unique" ON "join_request" ("member_id", "village_code") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_join_request_village_code_status" ON "join_request" ("village_code", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "membership" ("id" text not null, "scope_type" text check ("scope_type" in ('area', 'cooperative')) not null, "scope_id" text not null, "role" text check ("role" in ('farmer', 'coop_manager', 'agent', 'villager', 'secretary', 'committee', 'finance_reviewer', 'official')) not null, "appointed_by" text null, "member_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_member_id" ON "membership" ("member_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_deleted_at" ON "membership" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_member_id_scope_type_scope_id_role_unique" ON "membership" ("member_id", "scope_type", "scope_id", "role") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_scope_type_scope_id" ON "membership" ("scope_type", "scope_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "village" ("id" text not null, "area_code" text not null, "handle" text not null, "name" text not null, "introduction" text not null default '', "photos" jsonb not null default '{"items":[]}', "latitude" real null, "longitude" real null, "status" text check ("status" in ('pending', 'active')) not null default 'pending', "proposed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "village_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_village_area_code_unique" ON "village" ("area_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_village_handle_unique" ON "village" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_village_deleted_at" ON "village" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_village_status_area_code" ON "village" ("status", "area_code") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "join_request" add constraint "join_request_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade;`);

    this.addSql(`alter table if exists "membership" add constraint "membership_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "join_request" drop constraint if exists "join_request_member_id_foreign";`);

    this.addSql(`alter table if exists "membership" drop constraint if exists "membership_member_id_foreign";`);

    this.addSql(`drop table if exists "admin_area" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "join_request" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "village" cascade;`);
  }

}
