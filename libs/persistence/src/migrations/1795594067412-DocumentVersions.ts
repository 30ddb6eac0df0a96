import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentVersions1795594067412 implements MigrationInterface {
  name = 'DocumentVersions1795594067412';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "blob" (
                "sha256" text NOT NULL,
                "content" bytea NOT NULL,
                "size" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7610467e6f8478552dc4876408b" PRIMARY KEY ("sha256")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "document" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "procedure_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_document_kind" ON "document" ("procedure_id", "kind")
        `);
    await queryRunner.query(`
            CREATE TABLE "document_version" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "sha256" text NOT NULL,
                "size" integer NOT NULL,
                "media_type" text NOT NULL,
                "filename" text NOT NULL,
                "note" text NOT NULL DEFAULT '',
                "uploaded_by" uuid NOT NULL,
                "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "idempotency_key" text NOT NULL,
                CONSTRAINT "PK_a4c39c95456c5dbb2e96cca713c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_document_version_idempotency" ON "document_version" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_document_version" ON "document_version" ("document_id", "version")
        `);
    await queryRunner.query(`
            ALTER TABLE "document"
            ADD CONSTRAINT "fk_document_procedure" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_version"
            ADD CONSTRAINT "fk_document_version_document" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_version"
            ADD CONSTRAINT "fk_document_version_blob" FOREIGN KEY ("sha256") REFERENCES "blob"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_version"
            ADD CONSTRAINT "fk_document_version_uploader" FOREIGN KEY ("uploaded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "document_version" DROP CONSTRAINT "fk_document_version_uploader"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_version" DROP CONSTRAINT "fk_document_version_blob"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_version" DROP CONSTRAINT "fk_document_version_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "document" DROP CONSTRAINT "fk_document_procedure"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_document_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_document_version_idempotency"
        `);
    await queryRunner.query(`
            DROP TABLE "document_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_document_kind"
        `);
    await queryRunner.query(`
            DROP TABLE "document"
        `);
    await queryRunner.query(`
            DROP TABLE "blob"
        `);
  }
}
