import { mayCloseEarly, msUntilClose, unansweredComments } from './comment-window.rules';

describe('comment window rules', () => {
  it('should list the comments not answered yet', () => {
    expect(unansweredComments({ commentIds: ['a', 'b', 'c'], answeredIds: ['b'] })).toEqual(['a', 'c']);
    expect(unansweredComments({ commentIds: [], answeredIds: [] })).toEqual([]);
  });

  it('should never close before the statutory minimum', () => {
    const window = { minimumClosesAt: '2026-01-10T00:00:00.000Z' };
    expect(mayCloseEarly(window, Date.parse('2026-01-09T23:59:59.000Z'))).toBe(false);
    expect(mayCloseEarly(window, Date.parse('2026-01-10T00:00:00.000Z'))).toBe(true);
  });

  it('should count the time left to the end, never below zero', () => {
    const window = { closesAt: '2026-01-10T00:00:10.000Z' };
    expect(msUntilClose(window, Date.parse('2026-01-10T00:00:00.000Z'))).toBe(10_000);
    expect(msUntilClose(window, Date.parse('2026-01-11T00:00:00.000Z'))).toBe(0);
  });
});
