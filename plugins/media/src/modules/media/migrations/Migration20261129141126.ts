import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129141126 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "photo" ("id" text not null, "uploaded_by" text not null, "width" integer not null, "height" integer not null, "placeholder" text not null, "variants" jsonb not null, "source_sha256" text not null, "alt" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "photo_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_photo_deleted_at" ON "photo" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_photo_uploaded_by" ON "photo" ("uploaded_by") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "photo" cascade;`);
  }

}
