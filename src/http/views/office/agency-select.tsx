import type { AgencyChoice } from './dashboard-page.tsx';

/** The agency picker of office pages: one's own agency and, for a supervisor, the agencies below. */
export function AgencySelect(props: { agencies: readonly AgencyChoice[]; currentId: number }) {
  return (
    <div>
      <label for="f-agency">机关</label>
      <select id="f-agency" name="agency">
        {props.agencies.map((a) => (
          <option value={String(a.id)} selected={a.id === props.currentId}>
            {a.below ? `（下级）${a.name}` : a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
