/**
 * A multipart/form-data body read into memory within limits: its text fields and its files. For the routes that
 * take an upload (office attachments, the staff API); each decides what a missing or refused part means.
 *
 * A file over `fileBytes` is cut off there and marked `truncated` (never an exception), so the caller can refuse
 * it by name. Read a route's upload before its handler (a preValidation hook in the office, where the CSRF check
 * then finds its field among `fields`), or in the handler.
 */
import type { FastifyRequest } from 'fastify';

export interface UploadedFile {
  /** the form field the file came in */
  readonly field: string;
  /** the name the browser sent ('' for an empty file input) */
  readonly filename: string;
  readonly mime: string;
  /** at most `fileBytes` bytes */
  readonly bytes: Buffer;
  /** the file was longer than `fileBytes` */
  readonly truncated: boolean;
}

export interface MultipartForm {
  /** the first value of each text field */
  readonly fields: Record<string, string>;
  /** files with a name, in the order sent */
  readonly files: readonly UploadedFile[];
  /** the body could not be read to its end (malformed), or held more files than allowed */
  readonly problem: 'malformed' | 'tooManyFiles' | null;
}

export interface MultipartLimits {
  readonly fileBytes: number;
  readonly files: number;
  readonly fields?: number;
  readonly fieldBytes?: number;
}

/** The request's multipart body, or null when the request is not multipart/form-data. */
export async function readMultipartForm(request: FastifyRequest, limits: MultipartLimits): Promise<MultipartForm | null> {
  if (!request.isMultipart()) return null;
  const fields = Object.create(null) as Record<string, string>;
  const files: UploadedFile[] = [];
  let problem: MultipartForm['problem'] = null;
  try {
    const options = {
      limits: { fileSize: limits.fileBytes, files: limits.files, fields: limits.fields ?? 10, fieldSize: limits.fieldBytes ?? 1000 },
      throwFileSizeLimit: false,
    };
    const parts = request.parts(options);
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !Object.hasOwn(fields, part.fieldname)) fields[part.fieldname] = part.value;
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file as AsyncIterable<Buffer>) chunks.push(chunk);
      // an empty file input sends a part without a name: nothing was chosen
      if (!part.filename) continue;
      files.push({ field: part.fieldname, filename: part.filename, mime: part.mimetype, bytes: Buffer.concat(chunks), truncated: part.file.truncated });
    }
  } catch (error) {
    problem = (error as { code?: string }).code === 'FST_FILES_LIMIT' ? 'tooManyFiles' : 'malformed';
  }
  return { fields, files, problem };
}
