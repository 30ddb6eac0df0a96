import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A day that differs from the Monday-to-Friday rule: a public holiday (or break day), or an adjusted working day. */
@Entity('calendar_day')
export class CalendarDayEntity {
  /** ISO date, China Standard Time. */
  @PrimaryColumn({ type: 'date' })
  date: string;

  /** HOLIDAY or WORKDAY. */
  @Column({ type: 'text' })
  kind: 'HOLIDAY' | 'WORKDAY';

  @Column({ type: 'text' })
  name: string;

  /** Where it came from: the data package and version, or the administrator's change. */
  @Column({ type: 'text' })
  source: string;

  /** The calendar version that last set this day. */
  @Column({ type: 'int' })
  version: number;
}

/** A year whose holiday notice is loaded; counting into a year not listed here is refused. */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  source: string;

  /** The State Council notice the year's data follows, when known. */
  @Column({ name: 'notice_url', type: 'text', nullable: true })
  noticeUrl: string | null;

  @Column({ type: 'int' })
  version: number;
}

/** Every change to the calendar, as a new version: who, why, what. */
@Entity('calendar_version')
export class CalendarVersionEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'jsonb' })
  change: Record<string, unknown>;
}
