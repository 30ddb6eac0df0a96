import { OversightService } from '../../apps/api/src/oversight/oversight.service';
import { withScratchDatabase } from '../support/scratch-db';

type Statistics = Awaited<ReturnType<OversightService['statistics']>>;
type Overdue = Awaited<ReturnType<OversightService['overdue']>>;

const noRate = { total: 0, count: 0, rate: null };

/** Each figure of the console and what it must be with nothing to count. */
const FIGURES: [string, (s: Statistics, o: Overdue) => unknown, unknown][] = [
  ['procedures finished on time', (s) => s.onTime, noRate],
  ['on time by month', (s) => s.onTimeByMonth, []],
  ['open and overdue', (s) => s.openOverdue, 0],
  ['returned by the legality review', (s) => s.legalityReturn, noRate],
  ['returned by month', (s) => s.legalityReturnByMonth, []],
  ['public comments adopted', (s) => s.commentAdoption, noRate],
  ['comments adopted by month', (s) => s.commentAdoptionByMonth, []],
  ['comment answers by kind', (s) => s.commentAnswers, {}],
  ['comments unanswered', (s) => s.commentsUnanswered, 0],
  ['procedures by stage', (s) => s.proceduresByStage, []],
  ['documents nearing expiry', (s) => s.nearingExpiry, { within30: 0, within90: 0, within365: 0 }],
  ['the overdue list: total', (_s, o) => o.total, 0],
  ['the overdue list: rows', (_s, o) => o.items, []],
];

/**
 * Every figure of the console on an installation with nothing to count: zero, or no rate at all, never a phantom 1
 * (a count(*) over an outer join counts the join's empty row). One test per figure, read from one empty database.
 */
describe('the console with nothing to count', () => {
  let figures: { statistics: Statistics; overdue: Overdue };

  beforeAll(async () => {
    figures = await withScratchDatabase(async (dataSource) => {
      const service = new OversightService(dataSource);
      return { statistics: await service.statistics(12), overdue: await service.overdue(50) };
    });
  }, 120_000);

  it.each(FIGURES)('should show %s as nothing', (_name, figure, expected) => {
    expect(figure(figures.statistics, figures.overdue)).toEqual(expected);
  });

  it('should cover every figure the statistics give', () => {
    // Everything the statistics answer is a figure above, but the months the answer covers.
    const answered = Object.keys(figures.statistics).filter((key) => key !== 'fromMonth' && key !== 'toMonth');
    expect(answered.sort()).toEqual(
      [
        'commentAdoption',
        'commentAdoptionByMonth',
        'commentAnswers',
        'commentsUnanswered',
        'legalityReturn',
        'legalityReturnByMonth',
        'nearingExpiry',
        'onTime',
        'onTimeByMonth',
        'openOverdue',
        'proceduresByStage',
      ].sort(),
    );
  });
});
