import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A normative document's effective date (施行日期), from which its validity runs, and its replacement by an amendment
 * that took effect (status REPLACED, with the replacing entry).
 */
export class DocumentValidity17976000000000 implements MigrationInterface {
  name = 'DocumentValidity17976000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "register_entry"
                ADD "effective_at" TIMESTAMP WITH TIME ZONE,
                ADD "replaced_at" TIMESTAMP WITH TIME ZONE,
                ADD "replaced_by_entry_id" uuid,
                ADD CONSTRAINT "fk_register_entry_replaced_by" FOREIGN KEY ("replaced_by_entry_id")
                    REFERENCES "register_entry"("id") ON DELETE RESTRICT
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "register_entry"
                DROP CONSTRAINT "fk_register_entry_replaced_by",
                DROP COLUMN "replaced_by_entry_id",
                DROP COLUMN "replaced_at",
                DROP COLUMN "effective_at"
        `);
  }
}
