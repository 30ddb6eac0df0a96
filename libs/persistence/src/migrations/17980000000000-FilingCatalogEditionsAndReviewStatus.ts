import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E3: the editions of the filed-documents catalog (one per period, published on the policy's cadence), and the
 * receiving office's review status written back onto the issuing procedure's filing.
 */
export class FilingCatalogEditionsAndReviewStatus17980000000000 implements MigrationInterface {
  name = 'FilingCatalogEditionsAndReviewStatus17980000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "filing_catalog_edition" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "period_key" text NOT NULL,
      "cadence" text NOT NULL,
      "label" text NOT NULL,
      "period_start" timestamptz NOT NULL,
      "period_end" timestamptz NOT NULL,
      "receiving_organ" text NOT NULL,
      "published_at" timestamptz NOT NULL DEFAULT now(),
      "entries" jsonb NOT NULL DEFAULT '[]',
      CONSTRAINT "pk_filing_catalog_edition" PRIMARY KEY ("id"),
      CONSTRAINT "ck_filing_catalog_edition_period" CHECK ("period_start" < "period_end")
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_filing_catalog_edition_period" ON "filing_catalog_edition" ("period_key")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_filing_catalog_edition_end" ON "filing_catalog_edition" ("period_end")`);
    await queryRunner.query(`ALTER TABLE "filing" ADD "review_status" text`);
    await queryRunner.query(`ALTER TABLE "filing" ADD "review_status_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "filing" ADD "review_reference" text`);
    await queryRunner.query(`ALTER TABLE "filing" ADD "review_case_id" uuid`);
    await queryRunner.query(`ALTER TABLE "filing" ADD "review_key" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const c of ['review_key', 'review_case_id', 'review_reference', 'review_status_at', 'review_status']) {
      await queryRunner.query(`ALTER TABLE "filing" DROP COLUMN "${c}"`);
    }
    await queryRunner.query(`DROP TABLE "filing_catalog_edition"`);
  }
}
