import { UploadForm } from '../../pages/DrafterSteps';
import { MajorDecisionSteps as StepForms, type StepFormLabels } from '../../pages/MajorDecisionSteps';
import type { ProcedurePanelProps } from '../procedure-panel';

/** The current draft's SHA-256 on the procedure page, which a review step binds its opinion to. */
export function currentDraftSha256(documents: ProcedurePanelProps['documents']): string | null {
  return documents.find((d) => d.kind === 'DRAFT')?.current?.sha256 ?? null;
}

/**
 * The end of every procedure's panel: the drafting unit's upload form in the stages that take documents, then the
 * forms of the steps the API offers the signed-in person now (`GET /api/procedures/:id/steps`).
 */
export function UploadsAndSteps({
  panel,
  uploadStages,
  labels,
}: {
  panel: ProcedurePanelProps;
  uploadStages: readonly string[];
  labels?: StepFormLabels;
}) {
  const { detail, stage, documents, ownDrafter, onDone, onUploadError } = panel;
  return (
    <>
      {ownDrafter && uploadStages.includes(stage) && (
        <UploadForm procedureId={detail.id} documents={documents} onDone={onDone} onError={onUploadError} />
      )}
      <StepForms procedureId={detail.id} draftSha256={currentDraftSha256(documents)} onDone={onDone} labels={labels} />
    </>
  );
}
