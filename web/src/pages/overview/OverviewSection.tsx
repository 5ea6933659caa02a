// One section of the start page: a heading, what it counts, the first few items (each a link to where the work
// is done), a link to all of them, and — when nothing waits — a sentence that says what to do next.
import type { ReactNode } from "react";
import { Link } from "react-router";

export function OverviewSection(props: {
  id: string;
  title: string;
  /** The counts in words ("2 überfällig, 1 bald fällig"); shown only above a list unless summaryWhenEmpty. */
  summary?: ReactNode;
  /** Show the summary above the empty state too (it counts more than the section lists). */
  summaryWhenEmpty?: boolean;
  empty: string;
  /** The list items; none: the empty state. */
  items: ReactNode[];
  more?: { to: string; label: string } | null;
}) {
  const { id, items } = props;
  return (
    <section aria-labelledby={id} className="card overview-section">
      <h2 id={id}>{props.title}</h2>
      {items.length === 0 ? (
        <>
          {props.summary && props.summaryWhenEmpty ? <p className="overview-summary">{props.summary}</p> : null}
          <p className="muted">{props.empty}</p>
        </>
      ) : (
        <>
          {props.summary ? <p className="overview-summary">{props.summary}</p> : null}
          <ul className="overview-items">{items}</ul>
        </>
      )}
      {props.more ? (
        <p>
          <Link to={props.more.to}>{props.more.label}</Link>
        </p>
      ) : null}
    </section>
  );
}
