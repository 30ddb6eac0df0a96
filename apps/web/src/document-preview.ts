import { apiText, get } from './api';
import type { Answer } from './api/types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Whether a version has text to show and diff: plain text and Markdown as they are, a Word document by its text. */
export function hasText(mediaType: string): boolean {
  return mediaType.startsWith('text/') || mediaType === DOCX;
}

/** The text of a version for the review view (a .docx as the API extracts it). */
export async function versionText(versionId: string, mediaType: string): Promise<string> {
  if (mediaType === DOCX) {
    const version = await get<Answer<'/api/documents/versions/{versionId}/text', 'get'>>(
      `/api/documents/versions/${versionId}/text`,
    );
    return version.text ?? ''; // null only for a PDF, which has no text to show
  }
  return apiText(`/api/documents/versions/${versionId}/content`);
}
