import { OversightService } from '../../apps/api/src/oversight/oversight.service';
import { withScratchDatabase } from '../support/scratch-db';

/**
 * Every figure of the console on an installation with nothing to count: zero, or no rate at all, never a phantom 1
 * (a count(*) over an outer join counts the join's empty row).
 */
describe('the console with nothing to count', () => {
  it('should show zero or no rate for every figure', async () => {
    await withScratchDatabase(async (dataSource) => {
      const service = new OversightService(dataSource);
      const stats = await service.statistics(12);
      const noRate = { total: 0, count: 0, rate: null };
      expect(stats.onTime).toEqual(noRate);
      expect(stats.onTimeByMonth).toEqual([]);
      expect(stats.openOverdue).toBe(0);
      expect(stats.legalityReturn).toEqual(noRate);
      expect(stats.legalityReturnByMonth).toEqual([]);
      expect(stats.commentAdoption).toEqual(noRate);
      expect(stats.commentAdoptionByMonth).toEqual([]);
      expect(stats.commentAnswers).toEqual({});
      expect(stats.commentsUnanswered).toBe(0);
      expect(stats.proceduresByStage).toEqual([]);
      expect(stats.nearingExpiry).toEqual({ within30: 0, within90: 0, within365: 0 });
      const overdue = await service.overdue(50);
      expect(overdue.total).toBe(0);
      expect(overdue.items).toEqual([]);
    });
  });
});
