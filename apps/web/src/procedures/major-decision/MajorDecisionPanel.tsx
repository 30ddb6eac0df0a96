import { uploadStagesOf, PROCEDURES } from '@lawgate/domain';
import type { ProcedurePanelProps } from '../procedure-panel';
import { UploadsAndSteps } from '../shared/UploadsAndSteps';

const UPLOAD_STAGES: readonly string[] = uploadStagesOf(PROCEDURES.MAJOR_DECISION);

/** A major decision's steps on the procedure page: the upload form in its upload stages, and the generic step forms. */
export function MajorDecisionPanel(props: ProcedurePanelProps) {
  return <UploadsAndSteps panel={props} uploadStages={UPLOAD_STAGES} />;
}
