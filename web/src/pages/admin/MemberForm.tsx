// The form for inviting a person or changing one: name, e-mail (invitations only), roles, scope.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Department, type Member, type Role } from "../../api/types";
import { Field } from "../../components/Field";
import { ChannelScopeFields, TimeWindowFields, type WeeklyWindow, readScope } from "./AccessScopeFields";

export interface MemberFormValues {
  name: string;
  email: string;
  roles: Role[];
  departmentIds: string[] | null;
  channelAccountIds: string[] | null;
  activeWindow: WeeklyWindow | null;
}

export function MemberForm(props: {
  idPrefix: string;
  title: string;
  submitLabel: string;
  departments: Department[];
  channels: { id: string; name: string }[];
  member?: Member;
  onSubmit(values: MemberFormValues): Promise<boolean>;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const { member, idPrefix: p } = props;
  const [limited, setLimited] = useState(member ? member.departmentIds !== null : false);
  const [roleError, setRoleError] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const roles = form.getAll("roles").map(String) as Role[];
    setRoleError(roles.length === 0);
    if (roles.length === 0) return;
    const ok = await props.onSubmit({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      roles,
      departmentIds: limited ? form.getAll("departmentIds").map(String) : null,
      ...readScope(form, p),
    });
    if (ok && !member) {
      formElement.reset();
      setLimited(false);
    }
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${p}-title`} noValidate>
      <h2 id={`${p}-title`}>{props.title}</h2>
      <Field
        id={`${p}-name`}
        label={t("members.name")}
        name="name"
        required
        defaultValue={member?.name}
        autoComplete="off"
      />
      {!member && (
        <Field
          id={`${p}-email`}
          label={t("members.email")}
          hint={t("members.inviteHint")}
          name="email"
          type="email"
          required
          autoComplete="off"
        />
      )}
      <fieldset aria-describedby={roleError ? `${p}-role-error` : undefined}>
        <legend>{t("members.roles")}</legend>
        {ROLES.map((role) => (
          <label key={role} className="check">
            <input type="checkbox" name="roles" value={role} defaultChecked={member?.roles.includes(role)} />
            {t(`roles.${role}`)}
          </label>
        ))}
        {roleError && (
          <p id={`${p}-role-error`} className="message message-error" role="alert">
            {t("members.atLeastOneRole")}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t("members.departments")}</legend>
        <label className="check">
          <input type="radio" name={`${p}-scope`} checked={!limited} onChange={() => setLimited(false)} />
          {t("members.allDepartments")}
        </label>
        <label className="check">
          <input type="radio" name={`${p}-scope`} checked={limited} onChange={() => setLimited(true)} />
          {t("members.limitToDepartments")}
        </label>
        {limited && (
          <div className="indent">
            {props.departments.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  name="departmentIds"
                  value={d.id}
                  defaultChecked={member?.departmentIds?.includes(d.id)}
                />
                {d.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <ChannelScopeFields idPrefix={p} channels={props.channels} selected={member?.channelAccountIds ?? null} />
      <TimeWindowFields idPrefix={p} window={member?.activeWindow ?? null} />
      <button type="submit">{props.submitLabel}</button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          {t("members.cancel")}
        </button>
      )}
    </form>
  );
}
