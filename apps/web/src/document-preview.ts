import { apiText, get } from './api';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Whether a version has text to show and diff: plain text and Markdown as they are, a Word document by its text. */
export function hasText(mediaType: string): boolean {
  return mediaType.startsWith('text/') || mediaType === DOCX;
}

/** The text of a version for the review view (a .docx as the API extracts it). */
export async function versionText(versionId: string, mediaType: string): Promise<string> {
  if (mediaType === DOCX) {
    return (await get<{ text: string }>(`/api/documents/versions/${versionId}/text`)).text;
  }
  return apiText(`/api/documents/versions/${versionId}/content`);
}
