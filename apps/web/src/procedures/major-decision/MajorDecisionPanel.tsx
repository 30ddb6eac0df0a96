import { uploadStagesOf, PROCEDURES } from '@lawgate/domain';
import { UploadForm } from '../../pages/DrafterSteps';
import { MajorDecisionSteps } from '../../pages/MajorDecisionSteps';
import type { ProcedurePanelProps } from '../procedure-panel';

const UPLOAD_STAGES: readonly string[] = uploadStagesOf(PROCEDURES.MAJOR_DECISION);

/** A major decision's steps on the procedure page: the upload form in its upload stages, and the generic step forms. */
export function MajorDecisionPanel({
  detail,
  stage,
  documents,
  ownDrafter,
  onDone,
  onUploadError,
}: ProcedurePanelProps) {
  return (
    <>
      {ownDrafter && UPLOAD_STAGES.includes(stage) && (
        <UploadForm procedureId={detail.id} documents={documents} onDone={onDone} onError={onUploadError} />
      )}
      <MajorDecisionSteps
        procedureId={detail.id}
        draftSha256={documents.find((d) => d.kind === 'DRAFT')?.current?.sha256 ?? null}
        onDone={onDone}
      />
    </>
  );
}
