import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { stagesOfStep, MAJOR_DECISION, PROCEDURES } from '@lawgate/domain';

/** Reads of the published decisions and catalogs, for everyone. */
@Injectable()
export class PublicDecisionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The years whose decision catalog is published, newest first. */
  async catalogYears() {
    const rows = await this.dataSource.query<{ year: number }[]>(
      `SELECT DISTINCT c.year FROM decision_catalog c
         JOIN decision_catalog_version v ON v.catalog_id = c.id AND v.status = 'PUBLISHED'
        ORDER BY c.year DESC`,
    );
    return rows.map((r) => r.year);
  }

  /** Published major decisions, newest first, with the publication statement. */
  async list() {
    const rows = await this.dataSource.query<
      {
        procedure_id: string;
        title: string;
        department_name: string;
        stage: string;
        published_at: Date;
        statement: string;
      }[]
    >(
      `SELECT p.id AS procedure_id, p.title, d.name AS department_name, p.stage,
              l.recorded_at AS published_at, l.opinion AS statement
         FROM ledger_entry l
         JOIN procedure p ON p.id = l.procedure_id
         JOIN org_unit d ON d.id = p.department_id
        WHERE p.type = $1 AND l.stage = ANY($2) AND l.decision = 'PUBLISHED'
        ORDER BY l.recorded_at DESC
        LIMIT 200`,
      [MAJOR_DECISION, stagesOfStep(PROCEDURES.MAJOR_DECISION, 'PUBLICATION')],
    );
    return rows.map((r) => ({
      procedureId: r.procedure_id,
      title: r.title,
      departmentName: r.department_name,
      stage: r.stage,
      publishedAt: r.published_at.toISOString(),
      statement: r.statement,
    }));
  }
}
