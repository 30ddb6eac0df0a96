/** The working-day calendar from the API, fetched once per page load for the years around today. */
import { useEffect, useState } from 'react';
import { get } from './api';
import { calendarOf, type CalendarSnapshot } from './working-days';
import type { CalendarDay, CalendarYear } from './api/types';

let pending: Promise<CalendarSnapshot | null> | null = null;

function loadCalendar(): Promise<CalendarSnapshot | null> {
  pending ??= (async () => {
    const now = new Date().getFullYear();
    const loaded = await get<CalendarYear[]>('/api/calendar/years');
    const near = loaded.filter((y) => Math.abs(y.year - now) <= 1);
    if (near.length === 0) return null;
    const years = await Promise.all(
      near.map(async (y) => ({
        year: y.year,
        days: await get<CalendarDay[]>(`/api/calendar/years/${y.year}`),
      })),
    );
    return calendarOf(years, Math.max(...near.map((y) => y.version)));
  })().catch(() => {
    // Without the calendar the countdown falls back to calendar days; the next page load asks again.
    pending = null;
    return null;
  });
  return pending;
}

/** The calendar, or null while it loads (or when it cannot be had): countdowns then count calendar days. */
export function useWorkingCalendar(): CalendarSnapshot | null {
  const [calendar, setCalendar] = useState<CalendarSnapshot | null>(null);
  useEffect(() => {
    let live = true;
    void loadCalendar().then((c) => {
      if (live) setCalendar(c);
    });
    return () => {
      live = false;
    };
  }, []);
  return calendar;
}
