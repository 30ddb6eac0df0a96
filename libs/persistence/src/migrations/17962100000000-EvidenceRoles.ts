import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role that owns the evidence tables; nothing logs in as it. */
export const EVIDENCE_OWNER_ROLE = 'lawgate_evidence';
/** The role the API and the worker run as (directly or as members): full use of the business tables, but only INSERT
 * and SELECT on the evidence tables. */
export const APPLICATION_ROLE = 'lawgate_app';
export const EVIDENCE_TABLES = ['ledger_entry', 'audit_entry', 'ledger_checkpoint'];

/**
 * The ledger, the audit trail and the checkpoints belong to a role the application does not use, so the application
 * cannot drop their triggers, update or delete rows, or truncate them. Roles are cluster-wide: created once if
 * missing (the migrating role needs CREATEROLE, or an administrator creates them first; see docs/trust-boundary.md).
 * The migrating role becomes a member of the owner role, so that later migrations can still change these tables.
 */
export class EvidenceRoles17962100000000 implements MigrationInterface {
  name = 'EvidenceRoles17962100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${EVIDENCE_OWNER_ROLE}') THEN
          CREATE ROLE ${EVIDENCE_OWNER_ROLE} NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
          CREATE ROLE ${APPLICATION_ROLE} NOLOGIN;
        END IF;
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           AND NOT pg_has_role(current_user, '${EVIDENCE_OWNER_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${EVIDENCE_OWNER_ROLE} TO %I', current_user);
        END IF;
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${APPLICATION_ROLE}', current_database());
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APPLICATION_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APPLICATION_ROLE}`);
    await q.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APPLICATION_ROLE}`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APPLICATION_ROLE}`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APPLICATION_ROLE}`,
    );
    for (const table of EVIDENCE_TABLES) {
      await q.query(`ALTER TABLE "${table}" OWNER TO ${EVIDENCE_OWNER_ROLE}`);
      await q.query(`REVOKE ALL ON "${table}" FROM PUBLIC, ${APPLICATION_ROLE}`);
      await q.query(`GRANT SELECT, INSERT ON "${table}" TO ${APPLICATION_ROLE}`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of EVIDENCE_TABLES) {
      await q.query(`ALTER TABLE "${table}" OWNER TO CURRENT_USER`);
    }
    // The roles stay: they are cluster-wide and other databases may use them.
  }
}
