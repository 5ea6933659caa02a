// The Veröffentlichung report's channel accounts in its chart and words. A channel keeps its colour in every
// view: the colour follows the account's place in the organisation's channel list (the filter's choices, in
// name order), not its place in the current result, which changes with the period and the filters. And the
// busiest channels are all those with the most publications, so that a tie names each of them.

/** Okabe–Ito (components/charts/palette.ts), without its yellow (too light for thin bars on white). */
export const CHANNEL_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

/** The colour of a channel account, by its place among the organisation's channel accounts (their ids). */
export function channelColour(channelIds: readonly string[], id: string): string {
  const place = channelIds.indexOf(id);
  // An account outside the list (not to be expected: the list is what the viewer may see) after all of it.
  const index = place >= 0 ? place : channelIds.length;
  return CHANNEL_COLOURS[index % CHANNEL_COLOURS.length] ?? "#000000";
}

/** The channels with the most publications in the period: one, several that tie, or none when nothing went out. */
export function busiestChannels<C extends { current: { publications: number } }>(byChannel: readonly C[]): C[] {
  const most = Math.max(0, ...byChannel.map((c) => c.current.publications));
  return most > 0 ? byChannel.filter((c) => c.current.publications === most) : [];
}
