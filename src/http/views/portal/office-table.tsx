import type { AgencyView } from '../../../modules/agencies/agency-view.ts';

/** The disclosure office's contact details (Art. 20(2), Art. 24). */
export function OfficeTable(props: { readonly agency: AgencyView }) {
  const o = props.agency.office;
  const rows: Array<[string, string | null]> = [
    ['工作机构', o.name],
    ['办公地址', o.address],
    ['办公时间', o.hours],
    ['联系电话', o.phone],
    ['电子邮箱', o.email],
  ];
  return (
    <table class="meta">
      <tbody>
        {rows.map(([label, value]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{value ?? '（未公布）'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
