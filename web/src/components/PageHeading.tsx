// The page's h1: sets the document title and takes focus after navigation,
// so screen reader users hear where they arrived.
import { useEffect, useRef } from "react";

export function PageHeading({ title, id }: { title: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – draht`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1}>
      {title}
    </h1>
  );
}
