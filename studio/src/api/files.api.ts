import { currentLang } from '../i18n/i18n';
import { api, apiDownload } from './http';
import { networkFailure, toFailure } from './api-error';
import { readSession } from './session.store';

/** The value a file field keeps per attachment (as the server answers it). */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  mime?: string;
}

function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL is "data:<mime>;base64,<content>": keep the content only.
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(networkFailure());
    reader.readAsDataURL(file);
  });
}

/**
 * Uploads through XMLHttpRequest rather than fetch, because only XHR reports
 * upload progress. An expired token is renewed by a cheap `api()` call and the
 * upload retried once.
 */
export async function uploadFile(module: string, field: string, file: File, onProgress: (percent: number) => void): Promise<FileRef> {
  const body = JSON.stringify({ name: file.name, mime: file.type || 'application/octet-stream', content: await base64(file) });
  const send = () =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/v1/files/${encodeURIComponent(module)}/${encodeURIComponent(field)}`);
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.setRequestHeader('accept-language', currentLang());
      const session = readSession();
      if (session) xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
      xhr.onerror = () => reject(networkFailure());
      xhr.send(body);
    });
  let answer = await send();
  if (answer.status === 401) {
    await api('GET', '/api/v1/auth/me').catch(() => undefined);
    answer = await send();
  }
  let parsed: unknown;
  try {
    parsed = answer.text ? JSON.parse(answer.text) : undefined;
  } catch {
    parsed = answer.text;
  }
  if (answer.status < 200 || answer.status >= 300) throw toFailure(answer.status, parsed);
  return parsed as FileRef;
}

/** The attachment's bytes, saved by the browser under its name. */
export const downloadFile = (ref: FileRef): Promise<void> => apiDownload(`/api/v1/files/${encodeURIComponent(ref.id)}`, ref.name);
