// The departments a person may give their work to: every department, or only those their membership is
// limited to. A limited person cannot give work to the whole organisation (no department), so forms
// offer "no department" only to people without a limit, and start with their first department.
import type { Department, Organisation } from "../api/types";

export interface DepartmentChoices {
  departments: Department[];
  /** Whether "no department" (the whole organisation) may be chosen. */
  orgWide: boolean;
  /** What a new piece of work starts with. */
  initial: string | null;
}

export function departmentChoices(org: Organisation, all: Department[]): DepartmentChoices {
  const limit = org.myScope.departmentIds;
  if (limit === null) return { departments: all, orgWide: true, initial: null };
  const departments = all.filter((d) => limit.includes(d.id));
  return { departments, orgWide: false, initial: departments[0]?.id ?? null };
}

/** The given department if the person may choose it, else where their new work starts. */
export function choiceOr(choices: DepartmentChoices, departmentId: string | null): string | null {
  if (departmentId === null) return choices.orgWide ? null : choices.initial;
  return choices.orgWide || choices.departments.some((d) => d.id === departmentId) ? departmentId : choices.initial;
}
