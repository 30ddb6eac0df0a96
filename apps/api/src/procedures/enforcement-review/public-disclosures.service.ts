import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENFORCEMENT_REVIEW } from '@lawgate/domain';

/** A disclosed major enforcement decision, as the public reads it. */
export interface PublicDisclosure {
  procedureId: string;
  title: string;
  departmentName: string;
  /** The decision's outcome (the kind of decision taken: PENALTY, NO_PENALTY, …). */
  outcome: string;
  /** The decision as recorded: its document number and what it decides. */
  decision: string;
  decidedAt: string;
  /** Where and under which reference it was disclosed. */
  disclosure: string;
  disclosedAt: string;
}

/**
 * The public disclosure list of major enforcement decisions (C11, G-C8): every decision its case unit disclosed,
 * newest first, read from the ledger; a decision whose disclosure was withdrawn after a revocation is no longer
 * listed (it stays listed between the revocation and the withdrawal, which is due within 3 working days).
 */
@Injectable()
export class PublicDisclosuresService {
  constructor(private readonly dataSource: DataSource) {}

  async list(limit: number): Promise<PublicDisclosure[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        title: string;
        department_name: string;
        decided: string;
        decision_text: string;
        decided_at: Date;
        disclosure: string;
        disclosed_at: Date;
      }[]
    >(
      `SELECT p.id, p.title, d.name AS department_name,
              dec.decision AS decided, dec.opinion AS decision_text, dec.recorded_at AS decided_at,
              dis.opinion AS disclosure, dis.recorded_at AS disclosed_at
         FROM procedure p
         JOIN org_unit d ON d.id = p.department_id
         JOIN LATERAL (SELECT l.opinion, l.recorded_at FROM ledger_entry l
                        WHERE l.procedure_id = p.id AND l.decision = 'DECISION_DISCLOSED'
                        ORDER BY l.seq DESC LIMIT 1) dis ON true
         JOIN LATERAL (SELECT l.decision, l.opinion, l.recorded_at FROM ledger_entry l
                        WHERE l.procedure_id = p.id AND l.decision LIKE 'DECIDED\\_%'
                        ORDER BY l.seq DESC LIMIT 1) dec ON true
        WHERE p.type = $1
          AND NOT EXISTS (SELECT 1 FROM ledger_entry w
                           WHERE w.procedure_id = p.id AND w.decision = 'DISCLOSURE_WITHDRAWN')
        ORDER BY dis.recorded_at DESC, p.id
        LIMIT $2`,
      [ENFORCEMENT_REVIEW, limit],
    );
    return rows.map((r) => ({
      procedureId: r.id,
      title: r.title,
      departmentName: r.department_name,
      outcome: r.decided.slice('DECIDED_'.length),
      decision: r.decision_text,
      decidedAt: r.decided_at.toISOString(),
      disclosure: r.disclosure,
      disclosedAt: r.disclosed_at.toISOString(),
    }));
  }
}
