import { PROCEDURE_DEFINITIONS } from '@lawgate/domain';
import { ReviewStatisticsService } from '../../apps/api/src/oversight/review-statistics.service';
import { withScratchDatabase } from '../support/scratch-db';

type Statistics = Awaited<ReturnType<ReviewStatisticsService['statistics']>>;
type TypeFigures = Statistics['types'][number];

const noRate = { total: 0, count: 0, rate: null };

/** Each figure of a procedure type's review statistics and what it must be with nothing to count. */
const FIGURES: [string, (t: TypeFigures) => unknown, unknown][] = [
  ['volume', (t) => t.volume, 0],
  ['pass rate', (t) => t.passed, noRate],
  ['return rate', (t) => t.returned, noRate],
  ['overdue count', (t) => t.overdue, 0],
  ['figures per department', (t) => t.byDepartment, []],
  ['figures per month', (t) => t.byMonth, []],
];

/**
 * The console's review statistics on an installation with nothing to count: every figure of every reviewed
 * procedure type is zero or no rate at all (never a phantom 1 from an outer join's empty row). One test per figure
 * and type, read from one empty database; the seeded figures are checked in `test/e2e/review-statistics`.
 */
describe('the review statistics with nothing to count', () => {
  let statistics: Statistics;
  const reviewed = PROCEDURE_DEFINITIONS.filter((d) => d.reviewOutcomes).map((d) => d.type);

  beforeAll(async () => {
    statistics = await withScratchDatabase((dataSource) => new ReviewStatisticsService(dataSource).statistics(12));
  }, 120_000);

  it('should answer for every procedure type whose definition names its review outcomes', () => {
    expect(statistics.types.map((t) => t.type)).toEqual(reviewed);
    expect(reviewed.length).toBeGreaterThanOrEqual(2);
    expect(statistics.fromMonth <= statistics.toMonth).toBe(true);
  });

  it.each(reviewed.flatMap((type) => FIGURES.map(([name, figure, expected]) => [type, name, figure, expected])))(
    'should show %s: %s as nothing',
    (type, _name, figure, expected) => {
      const figures = statistics.types.find((t) => t.type === type)!;
      expect((figure as (t: TypeFigures) => unknown)(figures)).toEqual(expected);
    },
  );

  it('should cover every figure the review statistics give', () => {
    for (const figures of statistics.types) {
      expect(Object.keys(figures).sort()).toEqual(
        ['type', 'volume', 'passed', 'returned', 'overdue', 'byDepartment', 'byMonth'].sort(),
      );
    }
    expect(Object.keys(statistics).sort()).toEqual(['fromMonth', 'toMonth', 'types']);
  });
});
