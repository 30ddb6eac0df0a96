import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Party committee meeting at which it consented to a catalog version (国务院令第713号 Art 3 §3), recorded by a
 * leader beside the committee and its document.
 */
export class CatalogConsentMeeting17977000000000 implements MigrationInterface {
  name = 'CatalogConsentMeeting17977000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision_catalog_version" ADD "party_consent_meeting" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "decision_catalog_version" DROP COLUMN "party_consent_meeting"`);
  }
}
