// A short campaign (a 30-hour marathon, say) drowns in a long period's weekly bars: Stimmung offers the
// campaign's own days, which the server then shows day by day (its rollups are daily, so no finer step exists).

/** A campaign of at most this many calendar days counts as short. */
export const SHORT_CAMPAIGN_DAYS = 3;

const DAY_MS = 86_400_000;

/**
 * The chosen campaign's days (in the organisation's zone, as the server gives them) when the campaign is short
 * and the period shown is not already exactly those days; null otherwise.
 */
export function shortCampaignDays(
  campaign: { firstDay: string; lastDay: string } | undefined,
  period: { from: string; to: string },
): { from: string; to: string } | null {
  if (!campaign) return null;
  const days =
    (Date.parse(`${campaign.lastDay}T00:00:00Z`) - Date.parse(`${campaign.firstDay}T00:00:00Z`)) / DAY_MS + 1;
  if (!(days >= 1 && days <= SHORT_CAMPAIGN_DAYS)) return null;
  if (period.from === campaign.firstDay && period.to === campaign.lastDay) return null;
  return { from: campaign.firstDay, to: campaign.lastDay };
}
