import type { OpinionConclusion } from './legality-review.rules';

/**
 * Records of the statutory steps several procedures share (comment window, registration, legality review). Each
 * procedure's snapshot carries them under its own field names.
 */

export interface CommentWindowState {
  windowId: string;
  opensAt: string;
  closesAt: string;
  minimumClosesAt: string;
  shortenedReason: string | null;
  closed: boolean;
  /** Comments received (known once the window closed). */
  commentIds: string[];
  /** Comments the drafting unit has answered. */
  answeredIds: string[];
}

export interface RegistrationRecord {
  registerEntryId: string;
  number: string;
  year: number;
  seq: number;
  registeredAt: string;
  validUntil: string;
}

/** What every legality opinion binds: its conclusion and the exact text (SHA-256) the reviewer read. */
export interface BoundOpinion {
  conclusion: OpinionConclusion | 'NO_CLEAR_RULE';
  sha256: string;
}
