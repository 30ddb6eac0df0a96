import type { ComponentType } from 'react';
import type { ProcedureDetail, ProcedureDocument, ProcedureSnapshot } from '../api/types';

/** What the shared procedure page gives a procedure type's own step panel. */
export interface ProcedurePanelProps {
  detail: ProcedureDetail;
  live: ProcedureSnapshot | null;
  stage: string;
  documents: ProcedureDocument[];
  /** The signed-in user drafts for the procedure's department. */
  ownDrafter: boolean;
  /** The task the page was opened for (`?task=`), if any. */
  focusTask: string | null;
  onDone: () => Promise<void>;
  onSigned: (message: string) => void;
  onUploadError: (message: string | null) => void;
}

/** A procedure type's pieces in the web app; one entry per type in `registry.tsx`. */
export interface WebProcedure {
  /** Its colour on the console's chart of procedures by stage. */
  color: string;
  /** The page that starts one. */
  startPath: string;
  /** How the start wizard describes when the procedure applies, in Chinese and English. */
  appliesTo: [string, string];
  /** Its own steps, shown on the shared procedure page. */
  Steps: ComponentType<ProcedurePanelProps>;
  /** Stages in which its drafting unit answers public comments in its own panel (others read them on the page). */
  ownCommentStages: readonly string[];
}
