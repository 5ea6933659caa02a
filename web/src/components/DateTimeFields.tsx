// Date and time fields in German form (TT.MM.JJJJ, HH:MM in 24 hours) whatever the browser's language, keeping
// the values the forms and the API use ("2026-12-24", "18:30", "2026-12-24T18:30"). Native date inputs show the
// browser's locale ("mm/dd/yyyy"), hence text fields with a visible format hint. A value is passed on while typed
// once finished (a four-digit year, a time with minutes) and on leaving the field, which also writes it in the
// long form; what reads as no date or time is shown as an error, blocks the form and is never dropped silently.
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import {
  formatGermanDate,
  formatGermanTime,
  isFinishedDate,
  isFinishedTime,
  readGermanDate,
  readGermanTime,
  splitDateTime,
  type DateTextReading,
} from "./germanDateText";

/** Calls `onReset` when the form around `element` is reset (form.reset() after saving), as native fields would. */
function useFormReset(element: RefObject<HTMLInputElement | HTMLFieldSetElement | null>, onReset: () => void) {
  const latest = useRef(onReset);
  latest.current = onReset;
  useEffect(() => {
    const form = element.current?.form;
    const reset = () => latest.current();
    form?.addEventListener("reset", reset);
    return () => form?.removeEventListener("reset", reset);
  }, [element]);
}

type Kind = "date" | "time";
const KINDS = {
  date: { read: readGermanDate, format: formatGermanDate, finished: isFinishedDate, size: 10 },
  time: { read: readGermanTime, format: formatGermanTime, finished: isFinishedTime, size: 5 },
} satisfies Record<Kind, unknown>;

export interface DateFieldProps {
  id: string;
  label: string;
  /** The label for screen readers only, where a table's headers already say it. */
  hideLabel?: boolean;
  /** Sends the value under this name with the form (a hidden field holding the stored form). */
  name?: string;
  /** The stored form ("2026-12-24", "18:30"; "" for none), when the page holds the value. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  /** Replaces the format hint; null shows none (give `describedBy` a hint elsewhere, e.g. above a table). */
  hint?: string | null;
  describedBy?: string;
  /** The wrapper's class: "field" by default. */
  className?: string;
  /** A problem the field cannot see alone (the date of a date and time without its time). */
  missing?: string | null;
  /** Show `missing` now (the person left the group it belongs to). */
  showMissing?: boolean;
}

function problemText(
  t: (key: string, options?: Record<string, unknown>) => string,
  reading: DateTextReading,
  typed: string,
): string | null {
  return "problem" in reading ? t(`dateFields.problem.${reading.problem}`, { typed: typed.trim() }) : null;
}

function TypedField({ kind, ...props }: DateFieldProps & { kind: Kind }) {
  const { t } = useTranslation();
  const { read, format, finished, size } = KINDS[kind];
  const { id, label, value, onChange } = props;
  const [text, setText] = useState(() => format(value ?? props.defaultValue ?? ""));
  const [stored, setStored] = useState(() => value ?? props.defaultValue ?? "");
  const [showProblem, setShowProblem] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A value the page sets (loaded, reset, picked elsewhere) is shown; one this field passed on is already shown.
  if (value !== undefined && value !== stored) {
    setStored(value);
    setText(format(value));
    setShowProblem(false);
  }

  const reading = read(text);
  const problem =
    problemText(t, reading, text) ??
    (props.required && text.trim() === "" ? t(`dateFields.${kind}Required`) : null) ??
    (props.missing || null);
  useEffect(() => input.current?.setCustomValidity(problem ?? ""), [problem]);
  useFormReset(input, () => {
    const initial = value ?? props.defaultValue ?? "";
    setText(format(initial));
    setStored(initial);
    setShowProblem(false);
  });

  const pass = (next: string) => {
    if (next === stored) return;
    setStored(next);
    onChange?.(next);
  };
  const settle = () => {
    if ("value" in reading) {
      setText(format(reading.value));
      pass(reading.value);
    }
  };
  const shown = (showProblem || (props.showMissing && problem === props.missing)) && problem;
  const hint = props.hint === undefined ? t(`dateFields.${kind}Hint`) : props.hint;
  const describedBy = [shown ? `${id}-error` : null, hint ? `${id}-hint` : null, props.describedBy ?? null]
    .filter(Boolean)
    .join(" ");

  return (
    <div className={props.className ?? "field"}>
      <label htmlFor={id} className={props.hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        size={size}
        className={`${kind}-text`}
        value={text}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setShowProblem(false);
          const next = read(e.target.value);
          if ("value" in next && (next.value === "" || finished(e.target.value))) pass(next.value);
        }}
        onBlur={() => {
          settle();
          // Only what was typed is judged on leaving; an empty required field waits for the form's submission.
          setShowProblem("problem" in reading);
        }}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === "Enter") settle();
        }}
        onInvalid={() => setShowProblem(true)}
      />
      {props.name ? <input type="hidden" name={props.name} value={stored} /> : null}
      {shown ? (
        <p id={`${id}-error`} className="message message-error" role="alert">
          {problem}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A date typed as TT.MM.JJJJ; its value "YYYY-MM-DD". */
export function DateField(props: DateFieldProps) {
  return <TypedField kind="date" {...props} />;
}

/** A time typed as HH:MM in 24 hours; its value "HH:MM". */
export function TimeField(props: DateFieldProps) {
  return <TypedField kind="time" {...props} />;
}

export interface DateTimeFieldProps {
  id: string;
  /** The group's name, shown as its legend; its two fields are "Datum" and "Uhrzeit". */
  label: string;
  /** The legend for screen readers only, where the place already says it. */
  hideLabel?: boolean;
  name?: string;
  /** "2026-12-24T18:30" ("" for none), as a datetime-local field had it. */
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  /** A sentence under both fields (what the time means, e.g. the organisation's zone). */
  hint?: string;
  className?: string;
}

/** A date and a time in one group; the value passes on when both are given, or "" when both are emptied. */
export function DateTimeField(props: DateTimeFieldProps) {
  const { t } = useTranslation();
  const { id, value, onChange } = props;
  const [parts, setParts] = useState(() => splitDateTime(value ?? props.defaultValue ?? ""));
  const [stored, setStored] = useState(() => value ?? props.defaultValue ?? "");
  const [left, setLeft] = useState(false);
  const group = useRef<HTMLFieldSetElement>(null);
  useFormReset(group, () => {
    if (value !== undefined) return;
    setParts(splitDateTime(props.defaultValue ?? ""));
    setStored(props.defaultValue ?? "");
    setLeft(false);
  });
  if (value !== undefined && value !== stored) {
    setStored(value);
    setParts(splitDateTime(value));
  }

  const update = (next: { date: string; time: string }) => {
    setParts(next);
    const combined = next.date && next.time ? `${next.date}T${next.time}` : !next.date && !next.time ? "" : null;
    if (combined === null || combined === stored) return;
    setStored(combined);
    onChange?.(combined);
  };
  const leave = (e: FocusEvent<HTMLFieldSetElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setLeft(true);
  };
  const onlyOne = Boolean(parts.date) !== Boolean(parts.time);

  return (
    <fieldset
      ref={group}
      className={`date-time-field ${props.className ?? "field"}`}
      aria-describedby={props.hint ? `${id}-hint` : undefined}
      onBlur={leave}
      onFocus={() => setLeft(false)}
    >
      <legend className={props.hideLabel ? "visually-hidden" : undefined}>{props.label}</legend>
      <div className="date-time-parts">
        <DateField
          id={`${id}-date`}
          label={t("dateFields.date")}
          value={parts.date}
          onChange={(date) => update({ ...parts, date })}
          required={props.required}
          disabled={props.disabled}
          missing={onlyOne && !parts.date ? t("dateFields.dateMissing") : null}
          showMissing={left}
          className="field compact"
        />
        <TimeField
          id={`${id}-time`}
          label={t("dateFields.time")}
          value={parts.time}
          onChange={(time) => update({ ...parts, time })}
          required={props.required}
          disabled={props.disabled}
          missing={onlyOne && !parts.time ? t("dateFields.timeMissing") : null}
          showMissing={left}
          className="field compact"
        />
      </div>
      {props.name ? <input type="hidden" name={props.name} value={stored} /> : null}
      {props.hint ? (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      ) : null}
    </fieldset>
  );
}
