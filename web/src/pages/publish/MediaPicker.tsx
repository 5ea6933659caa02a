// Choosing media from the library for a post: thumbnails with their alternative text (or a warning
// that it is missing), selected in the order they should appear.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type MediaAsset, publishingApi } from "../../api/publishing";
import { useOrg } from "../../components/OrgLayout";
import { useLoad } from "../../api/useLoad";

export function MediaPicker({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const org = useOrg();
  const [media, setMedia] = useState<MediaAsset[]>([]);
  useLoad(
    (signal) => publishingApi.media(org.id, { signal }),
    (r) => setMedia(r.media),
    [org.id],
    {
      onError: () => setMedia([]),
    },
  );

  return (
    <fieldset>
      <legend>{t("media.pickTitle")}</legend>
      {media.length === 0 && <p className="hint">{t("media.empty")}</p>}
      <div className="media-grid">
        {media.map((m) => {
          const position = selected.indexOf(m.id);
          return (
            <label key={m.id} className="media-choice">
              <input
                type="checkbox"
                checked={position >= 0}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, m.id] : selected.filter((id) => id !== m.id))
                }
              />
              {m.kind === "image" ? (
                <img src={publishingApi.thumbnailUrl(org.id, m.id)} alt="" width={96} />
              ) : (
                <span className="video-badge">{t("media.video")}</span>
              )}
              <span>
                {m.fileName}
                {position >= 0 && <> ({t("media.position", { n: position + 1 })})</>}
                {m.needsAltText && <strong className="warning-text"> · {t("media.altMissing")}</strong>}
                {m.needsCaptions && <strong className="warning-text"> · {t("media.captionsMissing")}</strong>}
              </span>
            </label>
          );
        })}
      </div>
      <p>
        <Link to={`/o/${org.id}/publish/media`}>{t("media.openLibrary")}</Link>
      </p>
    </fieldset>
  );
}
