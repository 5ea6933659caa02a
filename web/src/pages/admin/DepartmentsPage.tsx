// Departments of the organisation: list, add, rename, delete.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Department } from "../../api/types";
import { ErrorMessage, Notice } from "../../components/ErrorMessage";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";
import { useAction } from "../../components/useAction";
import { PageHeading } from "../../components/PageHeading";
import { useLoad } from "../../api/useLoad";

export function DepartmentsPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const canManage = org.myActions.includes("department.manage");
  const [departments, setDepartments] = useState<Department[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const reload = useLoad(
    (signal) => api.departments(org.id, { signal }),
    (r) => setDepartments(r.departments),
    [org.id],
    { onError: (failure) => setError(failure) },
  );
  const action = useAction(reload);
  const { error, setError, notice } = action;

  async function run(call: () => Promise<unknown>, success: string) {
    const ok = await action.run(async () => (await call(), success));
    if (ok) setEditing(null);
    return ok;
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get("name"));
    const ok = await run(
      () => api.createDepartment(org.id, { name, shortName: String(form.get("shortName")) || null }),
      t("departments.created", { name }),
    );
    if (ok) formElement.reset();
  }

  async function rename(event: FormEvent<HTMLFormElement>, department: Department) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name"));
    await run(
      () => api.updateDepartment(org.id, department.id, { name, shortName: department.shortName }),
      t("departments.saved"),
    );
  }

  async function remove(department: Department) {
    if (!window.confirm(t("departments.deleteConfirm", { name: department.name }))) return;
    await run(() => api.deleteDepartment(org.id, department.id), t("departments.deleted", { name: department.name }));
  }

  return (
    <section>
      <PageHeading title={t("departments.title")} />
      <Notice text={notice} />
      <ErrorMessage error={error} />
      <table>
        <caption>{t("departments.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("departments.name")}</th>
            <th scope="col">{t("departments.shortName")}</th>
            <th scope="col">{t("departments.limitedMembers")}</th>
            {canManage && <th scope="col">{t("departments.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {editing === d.id ? (
                  <form className="inline-form" onSubmit={(e) => void rename(e, d)}>
                    <label className="visually-hidden" htmlFor={`rename-${d.id}`}>
                      {t("departments.renameLabel", { name: d.name })}
                    </label>
                    <input id={`rename-${d.id}`} name="name" defaultValue={d.name} required autoFocus />
                    <button type="submit">{t("departments.save")}</button>
                    <button type="button" onClick={() => setEditing(null)}>
                      {t("departments.cancel")}
                    </button>
                  </form>
                ) : (
                  d.name
                )}
              </th>
              <td>{d.shortName ?? ""}</td>
              <td>{d.limitedMembers}</td>
              {canManage && (
                <td className="actions">
                  <button
                    type="button"
                    onClick={() => setEditing(d.id)}
                    aria-label={`${t("departments.rename")}: ${d.name}`}
                  >
                    {t("departments.rename")}
                  </button>
                  <button
                    type="button"
                    onClick={() => void remove(d)}
                    aria-label={`${t("departments.delete")}: ${d.name}`}
                  >
                    {t("departments.delete")}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {departments.length === 0 && <p>{t("departments.none")}</p>}
      {canManage && (
        <form onSubmit={(e) => void add(e)} className="card" aria-labelledby="add-department">
          <h2 id="add-department">{t("departments.addTitle")}</h2>
          <Field
            id="department-name"
            label={t("departments.name")}
            name="name"
            required
            minLength={2}
            maxLength={120}
          />
          <Field id="department-short" label={t("departments.shortName")} name="shortName" maxLength={20} />
          <button type="submit">{t("departments.add")}</button>
        </form>
      )}
    </section>
  );
}
