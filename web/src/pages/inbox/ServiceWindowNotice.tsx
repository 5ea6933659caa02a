// Meta's 24-hour window for free answers, shown above the reply composer where it applies (WhatsApp chats, Facebook
// Messenger conversations): until when an answer can still go out, or that the window has closed and the network
// allows no free answer until the person writes again (draht then refuses the send; meta/serviceWindow.ts).
import { useTranslation } from "react-i18next";
import { useDates } from "../../components/formatDates";

const WINDOW_MS = 24 * 3_600_000;

/** Whether the conversation is one of the chats with that window: WhatsApp's, and a Facebook page's Messenger. */
export function hasServiceWindow(network: string, threadKey: string): boolean {
  return network === "whatsapp" || (network === "facebook" && threadKey === "direct");
}

export function ServiceWindowNotice(props: { network: string; threadKey: string; lastMessageAt: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (!hasServiceWindow(props.network, props.threadKey)) return null;
  const until = new Date(new Date(props.lastMessageAt).getTime() + WINDOW_MS);
  const network = t(`networks.${props.network}`);
  const open = until.getTime() > Date.now();
  return (
    <p className={open ? "hint" : "warning"} role="note">
      {open
        ? t("inbox.serviceWindow.open", { network, until: dates.format(until, "compact") })
        : t("inbox.serviceWindow.closed", { network })}
    </p>
  );
}
