// A form's choice as the typed value the API takes: a select's value is text, the contract wants one of
// its options (the server checks again; this keeps the page's request typed by the contract).
export function oneOf<T extends string>(options: readonly T[], value: FormDataEntryValue | null, fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}
