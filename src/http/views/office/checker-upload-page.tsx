/** The supervisor's checker: upload one report, several, or a whole folder of them. */
import { page } from '../layout.tsx';
import { CsrfField } from '../portal/fields.tsx';
import { OfficeLayout, type OfficeFrame } from './office-layout.tsx';

export interface UploadLimits {
  readonly maxFileMb: number;
  readonly maxFiles: number;
  readonly maxTotalMb: number;
  readonly extensions: readonly string[];
}

export interface ReviewAgency {
  readonly id: number;
  readonly name: string;
}

export interface CheckerUploadProps extends OfficeFrame {
  readonly agencies: readonly ReviewAgency[];
  readonly limits: UploadLimits;
  /** A problem with the whole upload (nothing was checked). */
  readonly error?: string;
}

export function checkerUploadBody(props: CheckerUploadProps) {
  const accept = props.limits.extensions.map((e) => `.${e}`).join(',');
  return (
    <>
      <h1>年度报告核查</h1>
      <p>
        上传下级机关已发布的政府信息公开工作年度报告，逐表查看检查发现的问题；对每个问题填写核查意见（确认问题或排除误报，并说明理由）。同一份报告再次上传（包括换成其他文件格式）时，会显示此前的核查意见。
      </p>
      {props.error ? (
        <p class="error-box" role="alert">
          {props.error}
        </p>
      ) : null}
      <form class="upload" method="post" action="/office/checker" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        {props.agencies.length > 1 ? (
          <p>
            <label for="f-agency">以哪个机关的名义核查</label>
            <select id="f-agency" name="agency">
              {props.agencies.map((a) => (
                <option value={String(a.id)}>{a.name}</option>
              ))}
            </select>
          </p>
        ) : null}
        <p class="hint" id="f-files-hint">
          支持 {props.limits.extensions.join('、')}；每个文件不超过 {props.limits.maxFileMb} MB，一次最多 {props.limits.maxFiles} 个、合计不超过{' '}
          {props.limits.maxTotalMb} MB。不符合要求的文件会单独列出，其余文件照常检查。
        </p>
        <p>
          <label for="f-files">选择报告文件（可多选）</label>
          <input id="f-files" name="files" type="file" multiple accept={accept} aria-describedby="f-files-hint" />
        </p>
        <p>
          <label for="f-folder">或选择一个文件夹</label>
          <input id="f-folder" name="folder" type="file" multiple {...{ webkitdirectory: '' }} aria-describedby="f-files-hint" />
        </p>
        <p>
          <button type="submit">上传并检查</button>
        </p>
      </form>
    </>
  );
}

export function checkerUploadPage(props: CheckerUploadProps): string {
  return page(
    <OfficeLayout {...props} title="年度报告核查">
      {checkerUploadBody(props)}
    </OfficeLayout>,
  );
}
