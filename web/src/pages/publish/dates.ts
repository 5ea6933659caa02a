// Between the browser's datetime-local field (local wall time) and ISO instants the API speaks.
import { formatLocale } from "../../i18n";
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function formatDateTime(iso: string | null, language: string): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString(formatLocale(language), { dateStyle: "medium", timeStyle: "short" });
}
