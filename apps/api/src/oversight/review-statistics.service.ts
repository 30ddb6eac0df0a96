import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROCEDURE_DEFINITIONS, type ReviewOutcomes } from '@lawgate/domain';
import type { RateDto } from './oversight.dto';
import type {
  DepartmentReviewFiguresDto,
  MonthlyReviewFiguresDto,
  ReviewFiguresDto,
  ReviewStatisticsDto,
  TypeReviewStatisticsDto,
} from './review-statistics.dto';

const rate = (count: number, total: number): RateDto => ({
  total,
  count,
  rate: total === 0 ? null : Math.round((count / total) * 1000) / 1000,
});

/** One row of figures, keyed by a department or a month. */
interface FigureRow {
  key: string;
  name: string | null;
  volume: string;
  concluded: string;
  passed: string;
  returned: string;
  overdue: string;
}

/**
 * The review statistics of the procedures whose definitions name their review outcomes (the enforcement decision
 * review, the contract review): volume, pass rate, return rate and overdue work, per department and per month, read
 * from the read models in PostgreSQL (procedure, ledger_entry, task).
 */
@Injectable()
export class ReviewStatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  async statistics(months: number): Promise<ReviewStatisticsDto> {
    const [{ since, from_month, to_month }] = await this.dataSource.query<
      { since: Date; from_month: string; to_month: string }[]
    >(
      `SELECT (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - make_interval(months => $1 - 1))
                AT TIME ZONE 'Asia/Shanghai' AS since,
              to_char(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - make_interval(months => $1 - 1),
                'YYYY-MM') AS from_month,
              to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS to_month`,
      [months],
    );
    const types: TypeReviewStatisticsDto[] = [];
    for (const definition of PROCEDURE_DEFINITIONS) {
      if (!definition.reviewOutcomes) continue;
      const outcomes = definition.reviewOutcomes;
      const byDepartment = await this.figures(definition.type, outcomes, since, 'department');
      const byMonth = await this.figures(definition.type, outcomes, since, 'month');
      const total = (rows: FigureRow[], key: keyof FigureRow) => rows.reduce((a, r) => a + Number(r[key]), 0);
      types.push({
        type: definition.type,
        ...figuresOf({
          key: '',
          name: null,
          volume: String(total(byMonth, 'volume')),
          concluded: String(total(byMonth, 'concluded')),
          passed: String(total(byMonth, 'passed')),
          returned: String(total(byMonth, 'returned')),
          overdue: '0',
        }),
        overdue: total(byDepartment, 'overdue'),
        byDepartment: byDepartment.map((r): DepartmentReviewFiguresDto => ({
          departmentId: r.key,
          departmentName: r.name ?? '',
          ...figuresOf(r),
          overdue: Number(r.overdue),
        })),
        byMonth: byMonth
          .filter((r) => Number(r.volume) + Number(r.concluded) > 0)
          .map((r): MonthlyReviewFiguresDto => ({ month: r.key, ...figuresOf(r) })),
      });
    }
    return { fromMonth: from_month, toMonth: to_month, types };
  }

  /**
   * The figures of one procedure type grouped by department or by month (China Standard Time): procedures started
   * in the period, review conclusions given in it (all, passed, returned), and open tasks overdue now (by
   * department only: an overdue task belongs to no month).
   */
  private figures(type: string, outcomes: ReviewOutcomes, since: Date, by: 'department' | 'month') {
    const month = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
    const key = by === 'department' ? 'p.department_id::text' : null;
    const started = `SELECT ${key ?? month('p.created_at')} AS key, count(*) AS volume
                       FROM procedure p WHERE p.type = $1 AND p.created_at >= $2 GROUP BY 1`;
    const concluded = `SELECT ${key ?? month('l.recorded_at')} AS key, count(*) AS concluded,
                              count(*) FILTER (WHERE l.decision = ANY($4)) AS passed,
                              count(*) FILTER (WHERE l.decision = ANY($5)) AS returned
                         FROM ledger_entry l JOIN procedure p ON p.id = l.procedure_id
                        WHERE p.type = $1 AND l.recorded_at >= $2 AND l.decision = ANY($3) GROUP BY 1`;
    const overdue =
      by === 'department'
        ? `SELECT p.department_id::text AS key, count(*) AS overdue
             FROM task t JOIN procedure p ON p.id = t.procedure_id
            WHERE p.type = $1 AND t.status = 'OPEN' AND t.due_at IS NOT NULL AND t.due_at < now() GROUP BY 1`
        : `SELECT NULL::text AS key, 0::bigint AS overdue WHERE false`;
    return this.dataSource.query<FigureRow[]>(
      `WITH s AS (${started}), c AS (${concluded}), o AS (${overdue}),
            k AS (SELECT key FROM s UNION SELECT key FROM c UNION SELECT key FROM o)
       SELECT k.key, u.name,
              coalesce(s.volume, 0) AS volume, coalesce(c.concluded, 0) AS concluded,
              coalesce(c.passed, 0) AS passed, coalesce(c.returned, 0) AS returned,
              coalesce(o.overdue, 0) AS overdue
         FROM k
         LEFT JOIN s ON s.key = k.key LEFT JOIN c ON c.key = k.key LEFT JOIN o ON o.key = k.key
         LEFT JOIN org_unit u ON ${by === 'department' ? 'u.id::text = k.key' : 'false'}
        ORDER BY ${by === 'department' ? 'u.name, k.key' : 'k.key'}`,
      [type, since, outcomes.concluded, outcomes.passed, outcomes.returned],
    );
  }
}

function figuresOf(r: FigureRow): ReviewFiguresDto {
  const concluded = Number(r.concluded);
  return {
    volume: Number(r.volume),
    passed: rate(Number(r.passed), concluded),
    returned: rate(Number(r.returned), concluded),
  };
}
