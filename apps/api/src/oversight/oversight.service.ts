import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { stagesOfStep, timelineOf, PROCEDURE_DEFINITIONS, procedureDefinition } from '@lawgate/domain';
import type { MonthlyRateDto, OverduePageDto, RateDto, StatisticsDto } from './oversight.dto';

/** The legality-review stages of every procedure type (their definitions mark them). */
const LEGALITY_STAGES = [...new Set(PROCEDURE_DEFINITIONS.flatMap((d) => stagesOfStep(d, 'LEGALITY_REVIEW')))];

/** Position of a stage in its procedure's statutory order (terminal stages after the rest). */
function stageRank(type: string, stage: string): number {
  const definition = procedureDefinition(type);
  const at = definition ? timelineOf(definition).indexOf(stage) : -1;
  return at === -1 ? Number.MAX_SAFE_INTEGER : at;
}

/** Legality opinions that send a draft back for revision, in both procedures' wording. */
const RETURNED = ['UNLAWFUL', 'MUST_AMEND', 'LEGALITY_UNLAWFUL', 'LEGALITY_MUST_AMEND'];
const PASSED = ['LAWFUL', 'LEGALITY_LAWFUL', 'LEGALITY_NO_CLEAR_RULE'];

const rate = (count: number, total: number): RateDto => ({
  total,
  count,
  rate: total === 0 ? null : Math.round((count / total) * 1000) / 1000,
});

interface MonthRow {
  month: string;
  total: string;
  count: string;
}

/** What the legal-affairs office watches: overdue work and how the procedures are kept, read from the read models. */
@Injectable()
export class OversightService {
  constructor(private readonly dataSource: DataSource) {}

  async overdue(limit: number): Promise<OverduePageDto> {
    const rows = await this.dataSource.query<
      {
        id: string;
        procedure_id: string;
        procedure_title: string;
        procedure_type: string;
        department_name: string;
        stage: string;
        kind: string;
        title: string;
        legal_basis: string;
        due_at: Date;
        assignee_user_id: string | null;
        assignee_name: string | null;
        assignee_unit_name: string;
        escalated_at: Date | null;
        total: string;
      }[]
    >(
      `SELECT t.id, t.procedure_id, p.title AS procedure_title, p.type AS procedure_type, d.name AS department_name,
              t.stage, t.kind, t.title, t.legal_basis, t.due_at, t.assignee_user_id,
              u.display_name AS assignee_name, au.name AS assignee_unit_name, t.escalated_at,
              (SELECT count(*) FROM task o WHERE o.status = 'OPEN' AND o.due_at IS NOT NULL AND o.due_at < now()) AS total
         FROM task t
         JOIN procedure p ON p.id = t.procedure_id
         JOIN org_unit d ON d.id = p.department_id
         JOIN org_unit au ON au.id = t.assignee_unit_id
         LEFT JOIN app_user u ON u.id = t.assignee_user_id
        WHERE t.status = 'OPEN' AND t.due_at IS NOT NULL AND t.due_at < now()
        ORDER BY t.due_at, t.id
        LIMIT $1`,
      [limit],
    );
    return {
      // Counted apart from the page (from the open-due index alone), in the same statement.
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({
        id: r.id,
        procedureId: r.procedure_id,
        procedureTitle: r.procedure_title,
        procedureType: r.procedure_type,
        departmentName: r.department_name,
        stage: r.stage,
        kind: r.kind,
        title: r.title,
        legalBasis: r.legal_basis,
        dueAt: r.due_at.toISOString(),
        assigneeUserId: r.assignee_user_id,
        assigneeName: r.assignee_name,
        assigneeUnitName: r.assignee_unit_name,
        escalatedAt: r.escalated_at?.toISOString() ?? null,
      })),
    };
  }

  /** Rates over the last `months` calendar months (China Standard Time), in total and month by month. */
  async statistics(months: number): Promise<StatisticsDto> {
    // One round trip: every figure is a few rows of counters kept by triggers (migrations ConsoleAtProvinceScale and
    // InvolvementAndRateCounters) or one index range. Months are YYYY-MM in China Standard Time, as the counters are.
    const rows = (sql: string) => `(SELECT coalesce(json_agg(x), '[]') FROM (${sql}) x)`;
    const [r] = await this.dataSource.query<
      {
        from_month: string;
        to_month: string;
        on_time: MonthRow[];
        legality: MonthRow[];
        adoption: MonthRow[];
        by_stage: { type: string; stage: string; n: string }[];
        answers: { answer: string; n: string }[];
        open_overdue: string;
        unanswered: string;
        within30: string;
        within90: string;
        within365: string;
      }[]
    >(
      `WITH m AS (
         SELECT to_char(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - make_interval(months => $1 - 1),
                  'YYYY-MM') AS from_month,
                to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS to_month,
                (now() AT TIME ZONE 'Asia/Shanghai')::date AS today)
       SELECT m.from_month, m.to_month,
              ${rows(`SELECT month, sum(total) AS total, sum(on_time) AS count FROM task_close_month
                       WHERE month >= m.from_month GROUP BY 1 HAVING sum(total) > 0 ORDER BY 1`)} AS on_time,
              ${rows(`SELECT month, sum(n) AS total, coalesce(sum(n) FILTER (WHERE decision = ANY($2)), 0) AS count
                        FROM ledger_decision_month
                       WHERE stage = ANY($4) AND month >= m.from_month AND decision = ANY($3)
                       GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1`)} AS legality,
              ${rows(`SELECT month, sum(n) AS total,
                             coalesce(sum(n) FILTER (WHERE answer IN ('ADOPTED', 'PARTLY_ADOPTED')), 0) AS count
                        FROM comment_answer_month WHERE month >= m.from_month
                       GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1`)} AS adoption,
              ${rows(`SELECT type, stage, sum(n) AS n FROM procedure_stage_count
                       GROUP BY type, stage HAVING sum(n) > 0 ORDER BY type, stage`)} AS by_stage,
              ${rows(`SELECT answer, sum(n) AS n FROM comment_answer_month WHERE month >= m.from_month
                       GROUP BY answer HAVING sum(n) > 0`)} AS answers,
              (SELECT count(*) FROM task WHERE status = 'OPEN' AND due_at IS NOT NULL AND due_at < now()) AS open_overdue,
              (SELECT count(*) FROM public_comment WHERE answer IS NULL) AS unanswered,
              (SELECT count(*) FROM register_entry WHERE status = 'IN_FORCE' AND valid_until <= m.today + 30) AS within30,
              (SELECT count(*) FROM register_entry WHERE status = 'IN_FORCE' AND valid_until <= m.today + 90) AS within90,
              (SELECT count(*) FROM register_entry WHERE status = 'IN_FORCE' AND valid_until <= m.today + 365) AS within365
         FROM m`,
      [months, RETURNED, [...RETURNED, ...PASSED], LEGALITY_STAGES],
    );
    const { from_month, to_month, on_time: onTime, legality, adoption, by_stage: byStage, answers } = r;
    const counts = r;

    const byMonth = (rows: MonthRow[]): MonthlyRateDto[] =>
      [...rows]
        .sort((a, b) => a.month.localeCompare(b.month))
        .map((r) => ({ month: r.month, ...rate(Number(r.count), Number(r.total)) }));
    const sum = (rows: MonthRow[]): RateDto =>
      rate(
        rows.reduce((a, r) => a + Number(r.count), 0),
        rows.reduce((a, r) => a + Number(r.total), 0),
      );
    return {
      fromMonth: from_month,
      toMonth: to_month,
      onTime: sum(onTime),
      onTimeByMonth: byMonth(onTime),
      openOverdue: Number(counts.open_overdue),
      legalityReturn: sum(legality),
      legalityReturnByMonth: byMonth(legality),
      commentAdoption: sum(adoption),
      commentAdoptionByMonth: byMonth(adoption),
      commentAnswers: Object.fromEntries(answers.map((a) => [a.answer, Number(a.n)])),
      commentsUnanswered: Number(counts.unanswered),
      // In each procedure's statutory order, as its definition gives it.
      proceduresByStage: byStage
        .map((r) => ({ type: r.type, stage: r.stage, count: Number(r.n) }))
        .sort((a, b) => a.type.localeCompare(b.type) || stageRank(a.type, a.stage) - stageRank(b.type, b.stage)),
      nearingExpiry: {
        within30: Number(counts.within30),
        within90: Number(counts.within90),
        within365: Number(counts.within365),
      },
    };
  }
}
