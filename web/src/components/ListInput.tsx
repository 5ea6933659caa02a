// A text field for a comma-separated list (keywords): the person's typing stays as typed, the list
// goes to the form.
import { type InputHTMLAttributes, useState } from "react";

export function ListInput({
  value,
  onList,
  ...rest
}: { value: string[]; onList(list: string[]): void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "value" | "onChange"
>) {
  const [text, setText] = useState(value.join(", "));
  return (
    <input
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onList(
          e.target.value
            .split(",")
            .map((k) => k.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
