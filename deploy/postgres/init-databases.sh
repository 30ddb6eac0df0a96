#!/bin/sh
# Runs once, when the PostgreSQL data volume is first initialised (docker-entrypoint-initdb.d); later starts skip it.
# Creates a role and the databases for Temporal (persistence + SQL visibility) and a role and database for LawGate.
# To change a password afterwards, use ALTER ROLE in psql: editing the environment does not touch an existing volume.
set -e

: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD must be set}"
: "${LAWGATE_DB_PASSWORD:?LAWGATE_DB_PASSWORD must be set}"
: "${LAWGATE_APP_DB_PASSWORD:?LAWGATE_APP_DB_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 \
  --username "${POSTGRES_USER:-postgres}" \
  --dbname "${POSTGRES_DB:-postgres}" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" \
  -v lawgate_password="$LAWGATE_DB_PASSWORD" \
  -v lawgate_app_password="$LAWGATE_APP_DB_PASSWORD" <<'SQL'
-- Each database is reachable only by its owner (and superusers).
-- Temporal: CREATEDB because temporal-sql-tool's idempotent `create` step checks the privilege before existence.
CREATE ROLE temporal WITH LOGIN CREATEDB PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
REVOKE ALL ON DATABASE temporal FROM PUBLIC;
REVOKE ALL ON DATABASE temporal_visibility FROM PUBLIC;

-- LawGate: owns its database; migrations (node dist/scripts/migrate.js) create the tables.
CREATE ROLE lawgate WITH LOGIN PASSWORD :'lawgate_password';
CREATE DATABASE lawgate OWNER lawgate;
REVOKE ALL ON DATABASE lawgate FROM PUBLIC;

-- The evidence tables (ledger, audit trail, checkpoints) belong to lawgate_evidence, which nothing logs in as; the
-- migrations (run as lawgate, a member) hand them over. The API and the worker log in as lawgate_runtime, a member of
-- lawgate_app, which may only insert into and read them (docs/trust-boundary.md).
CREATE ROLE lawgate_evidence NOLOGIN;
CREATE ROLE lawgate_app NOLOGIN;
GRANT lawgate_evidence TO lawgate;
CREATE ROLE lawgate_runtime WITH LOGIN PASSWORD :'lawgate_app_password' IN ROLE lawgate_app;
SQL
