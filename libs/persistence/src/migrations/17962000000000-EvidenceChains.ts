import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_HASH_ARGS =
  'prev text, at timestamptz, actor_kind text, actor_id uuid, action text, procedure_id uuid, reason text, details jsonb, dedup_key text';

/**
 * The audit trail becomes hash-chained and append-only like the ledger, and both are anchored by signed checkpoints.
 * The audit chain is computed by the database itself (a BEFORE INSERT trigger, under a lock), so every writer, raw SQL
 * included, extends it; `lawgate_audit_hash` is the one definition the verification recomputes.
 */
export class EvidenceChains17962000000000 implements MigrationInterface {
  name = 'EvidenceChains17962000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION lawgate_audit_hash(${AUDIT_HASH_ARGS}) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(prev || E'\\n' || jsonb_build_array(
          to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_kind, actor_id, action, procedure_id,
          reason, details, dedup_key)::text, 'UTF8')), 'hex')
      $$`);
    await q.query(`ALTER TABLE "audit_entry" ADD "prev_hash" text, ADD "hash" text`);
    // Entries written before the chain existed are chained now, in their order.
    await q.query(`
      DO $$ DECLARE r audit_entry; prev text := repeat('0', 64); BEGIN
        FOR r IN SELECT * FROM audit_entry ORDER BY id LOOP
          UPDATE audit_entry SET prev_hash = prev,
            hash = lawgate_audit_hash(prev, r.at, r.actor_kind, r.actor_id, r.action, r.procedure_id, r.reason, r.details, r.dedup_key)
          WHERE id = r.id RETURNING hash INTO prev;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE "audit_entry" ALTER "prev_hash" SET NOT NULL, ALTER "hash" SET NOT NULL`);
    await q.query(`CREATE INDEX "ix_audit_at" ON "audit_entry" ("at")`);
    await q.query(`CREATE INDEX "ix_audit_action" ON "audit_entry" ("action")`);
    await q.query(`CREATE INDEX "ix_audit_actor" ON "audit_entry" ("actor_id")`);
    // Ids are taken under the lock, so id order is chain order even when transactions commit out of order.
    await q.query(`
      CREATE FUNCTION lawgate_chain_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE prev text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('lawgate.audit'));
        NEW.id := nextval(pg_get_serial_sequence('audit_entry', 'id'));
        NEW.at := date_trunc('milliseconds', NEW.at);
        SELECT hash INTO prev FROM audit_entry ORDER BY id DESC LIMIT 1;
        NEW.prev_hash := coalesce(prev, repeat('0', 64));
        NEW.hash := lawgate_audit_hash(NEW.prev_hash, NEW.at, NEW.actor_kind, NEW.actor_id, NEW.action,
          NEW.procedure_id, NEW.reason, NEW.details, NEW.dedup_key);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_entry_chain BEFORE INSERT ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION lawgate_chain_audit_entry()`,
    );
    await q.query(`
      CREATE FUNCTION lawgate_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION lawgate_refuse_audit_change()`,
    );
    await q.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION lawgate_refuse_audit_change()`,
    );

    await q.query(`
      CREATE TABLE "ledger_checkpoint" (
        "id" BIGSERIAL NOT NULL,
        "ledger_head_seq" bigint NOT NULL,
        "ledger_head_hash" text NOT NULL,
        "audit_head_id" bigint NOT NULL,
        "audit_head_hash" text NOT NULL,
        "signed_at" timestamptz NOT NULL,
        "reason" text NOT NULL,
        "key_id" text NOT NULL,
        "signature" text NOT NULL,
        CONSTRAINT "pk_ledger_checkpoint" PRIMARY KEY ("id")
      )`);
    await q.query(`
      CREATE FUNCTION lawgate_refuse_checkpoint_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_checkpoint is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON "ledger_checkpoint" FOR EACH ROW EXECUTE FUNCTION lawgate_refuse_checkpoint_change()`,
    );
    await q.query(
      `CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON "ledger_checkpoint" FOR EACH STATEMENT EXECUTE FUNCTION lawgate_refuse_checkpoint_change()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ledger_checkpoint"`);
    await q.query(`DROP FUNCTION lawgate_refuse_checkpoint_change()`);
    await q.query(`DROP TRIGGER audit_entry_no_truncate ON "audit_entry"`);
    await q.query(`DROP TRIGGER audit_entry_append_only ON "audit_entry"`);
    await q.query(`DROP TRIGGER audit_entry_chain ON "audit_entry"`);
    await q.query(`DROP FUNCTION lawgate_refuse_audit_change()`);
    await q.query(`DROP FUNCTION lawgate_chain_audit_entry()`);
    await q.query(`DROP INDEX "ix_audit_actor"`);
    await q.query(`DROP INDEX "ix_audit_action"`);
    await q.query(`DROP INDEX "ix_audit_at"`);
    await q.query(`ALTER TABLE "audit_entry" DROP COLUMN "hash", DROP COLUMN "prev_hash"`);
    await q.query(`DROP FUNCTION lawgate_audit_hash(${AUDIT_HASH_ARGS})`);
  }
}
