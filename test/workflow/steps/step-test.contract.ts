import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  DocumentKind,
  DocumentVersionRef,
  Period,
  Actor,
  SubmitDocumentVersionArgs,
  CommentWindowState,
  RegistrationRecord,
} from '@lawgate/domain';

/** A small procedure made only of the shared steps, so that each step module is tested once, apart from any statute. */
export enum StepStage {
  Drafting = 'DRAFTING',
  Comment = 'COMMENT',
  Materials = 'MATERIALS',
  Review = 'REVIEW',
  Revision = 'REVISION',
  Meeting = 'MEETING',
  Registration = 'REGISTRATION',
  Publication = 'PUBLICATION',
  Done = 'DONE',
  Withdrawn = 'WITHDRAWN',
}

export interface StepTestInput {
  procedureId: string;
  title: string;
  departmentId: string;
  commentMinimum: Period;
  /** The kernel's run binds the reviewed text (new starts) — the test workflow always runs the current code. */
  reviewMinimum: Period | null;
}

export interface StepTestSnapshot {
  procedureId: string;
  workflowId: string;
  stage: StepStage;
  status: string;
  openTaskId: string | null;
  dueAt: string | null;
  overdue: boolean;
  documents: Partial<Record<DocumentKind, DocumentVersionRef>>;
  commentWindow: CommentWindowState | null;
  opinions: { conclusion: string; sha256: string; version: number }[];
  registration: RegistrationRecord | null;
}

type TaskArgs = { taskId: string; actor: Actor };
const u = <A>(name: string) => defineUpdate<StepTestSnapshot, [A]>(`steps.${name}`);

export const stepUpload = defineUpdate<StepTestSnapshot, [SubmitDocumentVersionArgs]>('submitDocumentVersion');
export const stepFinishDrafting = u<{ actor: Actor }>('finishDrafting');
export const stepOpenComment = u<{ period?: Period; shortenedReason?: string; actor: Actor }>('openComment');
export const stepCloseComment = u<{ actor: Actor }>('closeComment');
export const stepAnswer = u<{ commentId: string; answer: string; reason: string; actor: Actor }>('answer');
export const stepFinishComment = u<{ actor: Actor }>('finishComment');
export const stepCheckMaterials = u<{
  taskId: string;
  complete: boolean;
  missing?: string[];
  note: string;
  actor: Actor;
}>('checkMaterials');
export const stepOpinion = u<{
  taskId: string;
  conclusion: string;
  reasons: string;
  reviewedSha256: string;
  actor: Actor;
}>('opinion');
export const stepResubmit = u<{ adoptedAll: boolean; nonAdoptionStatement?: string; actor: Actor }>('resubmit');
export const stepMeeting = u<TaskArgs & { meeting: string; meetingDate: string }>('meeting');
export const stepRegister = u<TaskArgs>('register');
export const stepPublish = u<TaskArgs & { reference: string }>('publish');
export const stepWithdraw = u<{ reason: string; actor: Actor }>('withdraw');
/** A note on the procedure, whose check asks nothing: the kernel alone keeps it from running beside another step. */
export const stepNote = u<{ note: string; actor: Actor }>('note');
export const stepSettled = defineUpdate<StepTestSnapshot, []>('steps.settled');
export const stepState = defineQuery<StepTestSnapshot>('steps.state');
