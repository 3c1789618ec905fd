import { useId } from 'react';
import { ROLE_DESCRIPTIONS, STAFF_ROLES, normaliseRoles, type Problem, type StaffRole } from '../../domain/index.ts';
import { apiErrorSentence } from '../api/readApiError.ts';
import { capitalise } from '../capitalise.ts';

/** Props of {@link RoleCheckboxes}. */
export interface RoleCheckboxesProps {
  /** The group's name, e.g. "Roles" or "Roles of ada@shop.example". */
  readonly legend: string;
  readonly roles: readonly StaffRole[];
  readonly onChange: (roles: StaffRole[]) => void;
  readonly problem?: Problem | undefined;
}

/**
 * A fieldset of one checkbox per staff role, each with what the role is for, in the order of
 * `STAFF_ROLES`. The legend names the group; a problem (no role ticked, the last admin) describes it.
 */
export function RoleCheckboxes({ legend, roles, onChange, problem }: RoleCheckboxesProps) {
  const id = useId();
  const toggle = (role: StaffRole, checked: boolean) => onChange(normaliseRoles(checked ? [...roles, role] : roles.filter((held) => held !== role)));
  return (
    <fieldset className="staff-choices" aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend>{legend}</legend>
      {STAFF_ROLES.map((role) => (
        <div key={role} className="staff-choice">
          <input id={`${id}-${role}`} type="checkbox" checked={roles.includes(role)} onChange={(event) => toggle(role, event.target.checked)} aria-describedby={`${id}-${role}-about`} />
          <label htmlFor={`${id}-${role}`}>{capitalise(role)}</label>
          <span id={`${id}-${role}-about`} className="staff-choice__about">{capitalise(ROLE_DESCRIPTIONS[role])}</span>
        </div>
      ))}
      {problem && <p id={`${id}-problem`} className="field__hint field__hint--error">{apiErrorSentence(problem)}</p>}
    </fieldset>
  );
}
