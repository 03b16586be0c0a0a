/**
 * The attachments of an application or a catalogue item in the back office: a table with download links and, for a
 * staff member who may add one, an upload form (multipart, with the session's CSRF token). A refused upload is
 * shown here, beside the file input, and nothing was stored.
 */
import type { AttachmentView } from '../../../modules/attachments/use-cases/attachment-view.ts';
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPE_LABELS, fileSizeLabel, fileTypeLabel, uploadLimitLabel } from '../attachment-format.ts';
import { CsrfField } from '../portal/fields.tsx';

export interface AttachmentsSectionProps {
  readonly items: readonly AttachmentView[];
  /** the form's action, or null when the actor may not add attachments here */
  readonly uploadAction: string | null;
  readonly maxBytes: number;
  /** a line above the form (e.g. that a published item's new attachment is public at once) */
  readonly note?: string;
  /** the attachment just added (after the 303 back to the page) */
  readonly added?: AttachmentView;
  /** why the upload was refused */
  readonly error?: string;
}

export function attachmentHref(id: number): string {
  return `/office/attachments/${id}`;
}

export function AttachmentsSection(props: AttachmentsSectionProps & { readonly csrf: string }) {
  const { items, error } = props;
  return (
    <section aria-labelledby="attachments-heading" id="attachments">
      <h2 id="attachments-heading">附件</h2>
      {props.added ? (
        <div class="success-box" role="status">
          <p>已上传附件：{props.added.filename}</p>
        </div>
      ) : null}
      {error ? (
        <div class="error-box" role="alert" tabIndex={-1} id="error-summary">
          <p>
            <strong>附件未上传：</strong>
            <a href="#f-file">{error}</a>
          </p>
        </div>
      ) : null}
      {items.length === 0 ? (
        <p>尚无附件。</p>
      ) : (
        <table class="attachments">
          <thead>
            <tr>
              <th scope="col">文件名</th>
              <th scope="col">类型</th>
              <th scope="col">大小</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr>
                <td>
                  <a href={attachmentHref(a.id)} download={a.filename}>
                    {a.filename}
                  </a>
                </td>
                <td>{fileTypeLabel(a.mime)}</td>
                <td>{fileSizeLabel(a.size)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.uploadAction ? (
        <form class="upload" method="post" action={props.uploadAction} enctype="multipart/form-data">
          <CsrfField token={props.csrf} />
          <fieldset>
            <legend>上传附件</legend>
            {props.note ? <p>{props.note}</p> : null}
            <div class={error ? 'field has-error' : 'field'}>
              <label for="f-file">选择文件</label>
              <p class="hint" id="f-file-hint">
                可上传 {ACCEPTED_TYPE_LABELS}，每个文件不超过 {uploadLimitLabel(props.maxBytes)}。
              </p>
              {error ? (
                <p class="field-error" id="f-file-error">
                  错误：{error}
                </p>
              ) : null}
              <input
                type="file"
                id="f-file"
                name="file"
                accept={ACCEPT_ATTRIBUTE}
                required
                aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'}
                aria-invalid={error ? 'true' : undefined}
              />
            </div>
            <p>
              <button type="submit">上传</button>
            </p>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}
