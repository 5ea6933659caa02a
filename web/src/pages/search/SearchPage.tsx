// The search page: the words in the address (?q=…&kinds=…), the kinds to look in as checkboxes, and the hits
// grouped by kind, each a link to the thing with its passage (matched words marked) and its time in the
// organisation's time zone. The count of hits is announced.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { SEARCH_KIND_ORDER, type SearchKind, type SearchResult, searchApi } from "../../api/search";
import { useLoad } from "../../api/useLoad";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useOrg } from "../../components/OrgLayout";
import { PageHeading } from "../../components/PageHeading";
import { useDates } from "../../components/formatDates";
import { DateField } from "../../components/DateTimeFields";
import { Marked, groupedHits, hrefOf } from "./searchHits";

const isKind = (value: string): value is SearchKind => (SEARCH_KIND_ORDER as readonly string[]).includes(value);

export function SearchPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  const kinds = (params.get("kinds") ?? "").split(",").filter(isKind);
  // Days on the organisation's calendar; the server gets the instants they begin and end at.
  const fromDay = params.get("from") ?? "";
  const toDay = params.get("to") ?? "";
  const from = fromDay ? dates.fromInput(`${fromDay}T00:00`) : null;
  const to = toDay ? dates.fromInput(`${nextDay(toDay)}T00:00`) : null;
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useLoad(
    (signal) =>
      searchApi.search(org.id, { q, kinds, limit: 20, ...(from ? { from } : {}), ...(to ? { to } : {}) }, { signal }),
    (value) => {
      setResult(value);
      setError(null);
    },
    [org.id, q, kinds.join(","), from, to],
    { onError: setError, enabled: q.length >= 2 },
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams({ q: String(data.get("q") ?? "").trim() });
    const chosen = data.getAll("kinds").map(String);
    if (chosen.length && chosen.length < SEARCH_KIND_ORDER.length) next.set("kinds", chosen.join(","));
    for (const name of ["from", "to"]) {
      const day = String(data.get(name) ?? "");
      if (day) next.set(name, day);
    }
    setParams(next);
  }

  const shown = q.length >= 2 ? result : null;
  const groups = shown ? groupedHits(shown.hits) : [];
  return (
    <section aria-labelledby="page-heading" className="search-page">
      <PageHeading title={t("search.title")} id="page-heading" />
      <p>{t("search.intro")}</p>
      <form role="search" onSubmit={submit} key={params.toString()}>
        <p className="inline-form">
          <label className="inline-field">
            <span>{t("search.label")}</span>
            <input type="search" name="q" defaultValue={q} minLength={2} maxLength={200} required />
          </label>
          <button type="submit">{t("search.submit")}</button>
        </p>
        <fieldset className="inline-form">
          <legend>{t("search.kindsLegend")}</legend>
          {SEARCH_KIND_ORDER.map((kind) => (
            <label key={kind} className="inline-field">
              <input type="checkbox" name="kinds" value={kind} defaultChecked={!kinds.length || kinds.includes(kind)} />
              <span>{t(`search.kind.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="inline-form">
          <legend>{t("search.periodLegend")}</legend>
          <DateField
            id="search-from"
            label={t("search.from")}
            className="field compact"
            name="from"
            defaultValue={fromDay}
          />
          <DateField id="search-to" label={t("search.to")} className="field compact" name="to" defaultValue={toDay} />
          <span className="hint">{t("search.periodHint")}</span>
        </fieldset>
      </form>
      <ErrorMessage error={error} />
      <p role="status">{shown ? t("search.count", { count: shown.hits.length }) : ""}</p>
      {shown && groups.length === 0 ? <p>{t("search.nothing")}</p> : null}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`search-${group.kind}`}>
          <h2 id={`search-${group.kind}`}>{t(`search.kind.${group.kind}`)}</h2>
          <ul className="search-hits">
            {group.hits.map((hit) => (
              <li key={hit.id}>
                <Link to={hrefOf(org.id, hit)}>{hit.title || t("search.untitled")}</Link>
                {hit.at ? <span className="search-hit-time"> · {dates.format(hit.at)}</span> : null}
                {hit.snippet ? (
                  <p className="search-hit-passage">
                    <Marked text={hit.snippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="hint">{t("search.freshness")}</p>
    </section>
  );
}

/** The calendar day after "YYYY-MM-DD". */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
