// Sets the document title per page and moves focus to the page heading after navigation,
// so screen reader users hear where they arrived.
import { useEffect, useRef } from "react";

export function usePageTitle(title: string) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – draht`;
    headingRef.current?.focus();
  }, [title]);
  return headingRef;
}
