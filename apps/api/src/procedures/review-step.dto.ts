import type { Type as ClassType } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { NestedField, TextField } from './step-fields';

/**
 * The step bodies that the review procedures (contract review, enforcement review) share: a written reason or note,
 * a checklist answered item by item, and the opinion that binds the exact text reviewed.
 */

/** Longest written opinion or summary. */
export const OPINION_TEXT = 8000;

/** A step whose body is its written reason. */
export class WrittenReasonDto {
  @TextField(4000)
  reason: string;
}

/** A step whose body is a note. */
export class WrittenNoteDto {
  @TextField(4000)
  note: string;
}

/** One checklist entry: the item (one of `items`), whether it holds, and a note. */
export function checklistEntryDto<I extends string>(items: readonly I[]) {
  class ChecklistEntry {
    @ApiProperty({ enum: items })
    @IsIn(items)
    item: I;

    @ApiProperty()
    @IsBoolean()
    ok: boolean;

    @TextField(2000)
    note: string;
  }
  return ChecklistEntry;
}

/**
 * A checklist opinion: a conclusion (one of `conclusions`), its reasons, the checklist answered item by item (at most
 * 20 entries of `entry`), and the SHA-256 of the text reviewed, which the workflow refuses (409) if it changed.
 */
export function checklistOpinionDto<C extends string, E extends object>(options: {
  conclusions: readonly C[];
  conclusionsDescription?: string;
  entry: ClassType<E>;
  reviewedText: string;
}) {
  const { conclusions, conclusionsDescription, entry, reviewedText } = options;
  class ChecklistOpinion {
    @ApiProperty(
      conclusionsDescription ? { enum: conclusions, description: conclusionsDescription } : { enum: conclusions },
    )
    @IsIn(conclusions)
    conclusion: C;

    @TextField(OPINION_TEXT)
    reasons: string;

    @NestedField(entry, 20)
    checklist: E[];

    @TextField(64, `SHA-256 of ${reviewedText} reviewed (409 if it changed)`)
    reviewedSha256: string;
  }
  return ChecklistOpinion;
}
