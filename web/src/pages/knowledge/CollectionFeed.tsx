// An own collection as a signed feed for other draht installations: publishing it, its address to hand on
// and the key's fingerprint to pass on by a second way (so the subscriber can tell the feed is genuine),
// stopping it and publishing it again under the same address.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { feedsApi } from "../../api/feeds";
import type { CollectionDetail } from "../../api/sharing";
import { Field } from "../../components/Field";
import { useOrg } from "../../components/OrgLayout";
import { useDates } from "../../components/formatDates";
import { Fingerprint } from "./Fingerprint";

export function CollectionFeed({
  collection,
  mayShare,
  run,
}: {
  collection: CollectionDetail["collection"];
  mayShare: boolean;
  run(action: () => Promise<string | null>): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const dates = useDates();
  const feed = collection.feed;
  if (!feed && (!mayShare || collection.withdrawnAt)) return null;
  const publish = () => void run(async () => (await feedsApi.publish(org.id, collection.id), t("feeds.published")));
  const stop = () => {
    if (!window.confirm(t("feeds.stopConfirm"))) return;
    void run(async () => (await feedsApi.stop(org.id, collection.id), t("feeds.stopped")));
  };
  return (
    <section aria-labelledby="collection-feed-heading" className="card wide">
      <h2 id="collection-feed-heading">{t("feeds.collectionSection")}</h2>
      <p>{t("feeds.collectionIntro")}</p>
      {feed ? (
        <>
          <p>
            <strong>
              {feed.stoppedAt
                ? t("feeds.stoppedAt", { date: dates.format(feed.stoppedAt) })
                : t("feeds.publishedSince", { date: dates.format(feed.publishedAt) })}
            </strong>
          </p>
          <FeedAddress url={feed.url} />
          <dl className="facts">
            <dt>{t("feeds.fingerprint")}</dt>
            <dd>
              <Fingerprint value={feed.fingerprint} />
            </dd>
            <dt>{t("feeds.revision")}</dt>
            <dd>
              {feed.revision === null
                ? t("feeds.notFetchedYet")
                : t("feeds.revisionValue", { revision: feed.revision })}
            </dd>
          </dl>
          <p>{t("feeds.fingerprintPassOn")}</p>
          {feed.tooLarge && !feed.stoppedAt ? <p className="message message-error">{t("feeds.tooLarge")}</p> : null}
        </>
      ) : null}
      {collection.withdrawnAt ? (
        <p className="hint">{t("feeds.withdrawnCollection")}</p>
      ) : mayShare ? (
        feed && !feed.stoppedAt ? (
          <button type="button" onClick={stop}>
            {t("feeds.stop")}
          </button>
        ) : (
          <>
            {feed ? <p className="hint">{t("feeds.republishHint")}</p> : null}
            <button type="button" onClick={publish}>
              {feed ? t("feeds.republish") : t("feeds.publish")}
            </button>
          </>
        )
      ) : null}
    </section>
  );
}

/** The feed's address, read-only, with a button that puts it on the clipboard. */
function FeedAddress({ url }: { url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t("feeds.copied"));
    } catch {
      // Without clipboard access (an older browser, a policy): the person copies it by hand.
      setCopied(t("feeds.copyFailed"));
    }
  };
  return (
    <div className="feed-address">
      <Field
        id="collection-feed-address"
        label={t("feeds.address")}
        hint={t("feeds.collectionAddressHint")}
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" onClick={() => void copy()}>
        {t("feeds.copyAddress")}
      </button>
      <p role="status" className="hint">
        {copied ?? ""}
      </p>
    </div>
  );
}
