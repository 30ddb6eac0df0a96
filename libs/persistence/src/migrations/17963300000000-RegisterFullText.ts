import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Full-text search of registered documents: their text and its segmented words, GIN-indexed. */
export class RegisterFullText17963300000000 implements MigrationInterface {
  name = 'RegisterFullText17963300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "document_text" (
                "sha256" text NOT NULL,
                "body" text NOT NULL,
                "words" tsvector NOT NULL,
                CONSTRAINT "PK_document_text" PRIMARY KEY ("sha256")
            )
        `);
    await queryRunner.query(`CREATE INDEX "ix_document_text_words" ON "document_text" USING gin ("words")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_document_text_words"`);
    await queryRunner.query(`DROP TABLE "document_text"`);
  }
}
