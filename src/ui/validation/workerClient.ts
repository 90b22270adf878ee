// The one worker of the page, shared by validation, import and the preview's locating; requests
// are matched by id.
import type { ImportResult } from '../../import/importEnvoy';
import type { Design } from '../../model/schema';
import type { Finding } from '../../validate/finding';
import type { PreviewLocations, PreviewQuery } from '../preview/previewText';
import type { WorkerRequest, WorkerResponse } from './validation.worker';

type Pending = { resolve: (response: WorkerResponse) => void };
let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

function send(request: Request): Promise<WorkerResponse> {
  if (!worker) {
    worker = new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      pending.get(event.data.id)?.resolve(event.data);
      pending.delete(event.data.id);
    };
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    worker!.postMessage({ ...request, id } as WorkerRequest);
  });
}

export async function validateInWorker(design: Design): Promise<Finding[] | null> {
  const response = await send({ kind: 'validate', design });
  if (response.kind === 'validate') return response.findings;
  console.error('Validation failed:', response.kind === 'failed' ? response.error : response);
  return null;
}

export async function importInWorker(text: string, name: string): Promise<ImportResult> {
  const response = await send({ kind: 'import', text, name });
  if (response.kind === 'import') return response.result;
  return { ok: false, errors: [response.kind === 'failed' ? `the import stopped: ${response.error}` : 'the import stopped'] };
}

/** The preview's highlight and markers in `text`; null if the worker could not answer. */
export async function locateInWorker(text: string, query: PreviewQuery): Promise<PreviewLocations | null> {
  const response = await send({ kind: 'locate', text, query });
  if (response.kind === 'locate') return response.locations;
  console.error('Locating failed:', response.kind === 'failed' ? response.error : response);
  return null;
}
