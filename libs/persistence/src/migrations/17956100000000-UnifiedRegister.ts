import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnifiedRegister17956100000000 implements MigrationInterface {
  name = 'UnifiedRegister17956100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "issuer_series" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "issuer_unit_id" uuid NOT NULL,
                "series" text NOT NULL,
                "prefix" text NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e1844634f17f935402bbbde09e8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_issuer_series_prefix" ON "issuer_series" ("prefix")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_issuer_series" ON "issuer_series" ("issuer_unit_id", "series")
        `);
    await queryRunner.query(`
            CREATE TABLE "number_counter" (
                "issuer_series_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "last_seq" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_a4088335699b4be0d99c46a6f16" PRIMARY KEY ("issuer_series_id", "year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "register_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "procedure_id" uuid NOT NULL,
                "workflow_id" text NOT NULL,
                "issuer_series_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "seq" integer NOT NULL,
                "number" text NOT NULL,
                "title" text NOT NULL,
                "document_sha256" text NOT NULL,
                "status" text NOT NULL,
                "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "registered_by" uuid,
                "valid_until" date NOT NULL,
                "in_force_at" TIMESTAMP WITH TIME ZONE,
                "expired_at" TIMESTAMP WITH TIME ZONE,
                "repealed_at" TIMESTAMP WITH TIME ZONE,
                "voided_at" TIMESTAMP WITH TIME ZONE,
                "status_reason" text,
                "idempotency_key" text NOT NULL,
                CONSTRAINT "PK_23a14e46208b8cdbbc42ee9e1d8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_register_entry_procedure" ON "register_entry" ("procedure_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_register_entry_number" ON "register_entry" ("number")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_register_entry_idempotency" ON "register_entry" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_register_entry_registered_at" ON "register_entry" ("registered_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_register_entry_status" ON "register_entry" ("status", "valid_until")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_register_entry_seq" ON "register_entry" ("issuer_series_id", "year", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "voided_number" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "register_entry_id" uuid NOT NULL,
                "number" text NOT NULL,
                "reason" text NOT NULL,
                "actor_id" uuid NOT NULL,
                "voided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "idempotency_key" text NOT NULL,
                CONSTRAINT "PK_4a267144122becc5c666e42cfa7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_voided_number_entry" ON "voided_number" ("register_entry_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_voided_number_idempotency" ON "voided_number" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "publication" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "register_entry_id" uuid NOT NULL,
                "channel" text NOT NULL,
                "reference" text NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "text_sha256" text NOT NULL,
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "idempotency_key" text NOT NULL,
                CONSTRAINT "PK_8aea8363d5213896a78d8365fab" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publication_entry" ON "publication" ("register_entry_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_publication_published_at" ON "publication" ("published_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_publication_idempotency" ON "publication" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "filing" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "register_entry_id" uuid NOT NULL,
                "recipient" text NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE,
                "package" jsonb NOT NULL DEFAULT '[]',
                "status" text NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "idempotency_key" text NOT NULL,
                CONSTRAINT "PK_f69b82a024430752e7dfd006592" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_filing_entry" ON "filing" ("register_entry_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_filing_idempotency" ON "filing" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "filing_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "filing_id" uuid NOT NULL,
                "event" text NOT NULL,
                "note" text NOT NULL DEFAULT '',
                "actor_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "idempotency_key" text NOT NULL,
                CONSTRAINT "PK_c215f6833b887876c7594160e75" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_filing_event_filing" ON "filing_event" ("filing_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_filing_event_idempotency" ON "filing_event" ("idempotency_key")
        `);
    await queryRunner.query(`
            ALTER TABLE "issuer_series"
            ADD CONSTRAINT "fk_issuer_series_unit" FOREIGN KEY ("issuer_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "number_counter"
            ADD CONSTRAINT "fk_number_counter_series" FOREIGN KEY ("issuer_series_id") REFERENCES "issuer_series"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "register_entry"
            ADD CONSTRAINT "fk_register_entry_procedure" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "register_entry"
            ADD CONSTRAINT "fk_register_entry_series" FOREIGN KEY ("issuer_series_id") REFERENCES "issuer_series"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "register_entry"
            ADD CONSTRAINT "fk_register_entry_registrar" FOREIGN KEY ("registered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "voided_number"
            ADD CONSTRAINT "fk_voided_number_entry" FOREIGN KEY ("register_entry_id") REFERENCES "register_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "voided_number"
            ADD CONSTRAINT "fk_voided_number_actor" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "publication"
            ADD CONSTRAINT "fk_publication_entry" FOREIGN KEY ("register_entry_id") REFERENCES "register_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "publication"
            ADD CONSTRAINT "fk_publication_blob" FOREIGN KEY ("text_sha256") REFERENCES "blob"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "publication"
            ADD CONSTRAINT "fk_publication_recorder" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "filing"
            ADD CONSTRAINT "fk_filing_entry" FOREIGN KEY ("register_entry_id") REFERENCES "register_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "filing_event"
            ADD CONSTRAINT "fk_filing_event_filing" FOREIGN KEY ("filing_id") REFERENCES "filing"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "filing_event"
            ADD CONSTRAINT "fk_filing_event_actor" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "filing_event" DROP CONSTRAINT "fk_filing_event_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "filing_event" DROP CONSTRAINT "fk_filing_event_filing"
        `);
    await queryRunner.query(`
            ALTER TABLE "filing" DROP CONSTRAINT "fk_filing_entry"
        `);
    await queryRunner.query(`
            ALTER TABLE "publication" DROP CONSTRAINT "fk_publication_recorder"
        `);
    await queryRunner.query(`
            ALTER TABLE "publication" DROP CONSTRAINT "fk_publication_blob"
        `);
    await queryRunner.query(`
            ALTER TABLE "publication" DROP CONSTRAINT "fk_publication_entry"
        `);
    await queryRunner.query(`
            ALTER TABLE "voided_number" DROP CONSTRAINT "fk_voided_number_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "voided_number" DROP CONSTRAINT "fk_voided_number_entry"
        `);
    await queryRunner.query(`
            ALTER TABLE "register_entry" DROP CONSTRAINT "fk_register_entry_registrar"
        `);
    await queryRunner.query(`
            ALTER TABLE "register_entry" DROP CONSTRAINT "fk_register_entry_series"
        `);
    await queryRunner.query(`
            ALTER TABLE "register_entry" DROP CONSTRAINT "fk_register_entry_procedure"
        `);
    await queryRunner.query(`
            ALTER TABLE "number_counter" DROP CONSTRAINT "fk_number_counter_series"
        `);
    await queryRunner.query(`
            ALTER TABLE "issuer_series" DROP CONSTRAINT "fk_issuer_series_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_filing_event_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_filing_event_filing"
        `);
    await queryRunner.query(`
            DROP TABLE "filing_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_filing_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_filing_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "filing"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_publication_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publication_published_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_publication_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "publication"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_voided_number_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_voided_number_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "voided_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_register_entry_seq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_register_entry_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_register_entry_registered_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_register_entry_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_register_entry_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_register_entry_procedure"
        `);
    await queryRunner.query(`
            DROP TABLE "register_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "number_counter"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_issuer_series"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_issuer_series_prefix"
        `);
    await queryRunner.query(`
            DROP TABLE "issuer_series"
        `);
  }
}
