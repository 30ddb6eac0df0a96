import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor, Role } from '@lawgate/domain';
import { uniqueSuffix } from './test-env';

/** A printed issuer code of its own (Han characters and Latin letters only, as document numbers require). */
export function uniquePrefix(): string {
  const letters = Array.from({ length: 10 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
  return `测${letters}规`;
}

/** A number series of its own for an existing unit, so that tests counting numbers do not disturb each other. */
export async function freshSeries(
  db: DataSource,
  unitCode = 'JT-GOV',
): Promise<{ issuerUnitId: string; series: string; prefix: string; seriesId: string }> {
  const [unit] = await db.query<{ id: string }[]>('SELECT id FROM org_unit WHERE code = $1', [unitCode]);
  const series = `TEST-${uniqueSuffix()}`;
  const prefix = uniquePrefix();
  const [row] = await db.query<{ id: string }[]>(
    'INSERT INTO issuer_series (issuer_unit_id, series, prefix) VALUES ($1, $2, $3) RETURNING id',
    [unit.id, series, prefix],
  );
  return { issuerUnitId: unit.id, series, prefix, seriesId: row.id };
}

/** Procedure rows that register entries can refer to. */
export async function insertProcedures(
  db: DataSource,
  count: number,
): Promise<{ procedureId: string; workflowId: string }[]> {
  const [drafter] = await db.query<{ id: string; org_unit_id: string }[]>(
    "SELECT id, org_unit_id FROM app_user WHERE username = 'drafter.edu'",
  );
  const out: { procedureId: string; workflowId: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const procedureId = randomUUID();
    const workflowId = `normative-document:JT-EDU:reg-${uniqueSuffix()}-${i}`;
    await db.query(
      `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status,
         policy_version, details)
       VALUES ($1, $2, 'NORMATIVE_DOCUMENT', $3, '登记测试', $4, $5, 'REGISTRATION', 'ACTIVE', 'test', '{}')`,
      [procedureId, workflowId, `reg-${i}`, drafter.org_unit_id, drafter.id],
    );
    out.push({ procedureId, workflowId });
  }
  return out;
}

export async function actorOf(db: DataSource, username: string): Promise<Actor> {
  const [row] = await db.query<{ id: string; display_name: string; org_unit_id: string; roles: Role[] }[]>(
    'SELECT id, display_name, org_unit_id, roles FROM app_user WHERE username = $1',
    [username],
  );
  return { userId: row.id, username, displayName: row.display_name, roles: row.roles, unitId: row.org_unit_id };
}
