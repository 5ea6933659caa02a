// The rules behind how the reports and the start page are laid out (web/src): a chart's plot starts below its
// legend's rows, a channel keeps its colour whatever the filters, a tie for most publications names every
// channel in it, the start page puts what needs action first, and its pointer to Berichte names the real tabs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { legendRows, plotTop } from "../web/src/components/charts/chartLayout.js";
import { type OverviewNeeds, sectionsByNeed } from "../web/src/pages/overview/sectionNeed.js";
import { busiestChannels, channelColour } from "../web/src/pages/reports/publishingChannels.js";
import { shortCampaignDays } from "../web/src/pages/reports/shortCampaign.js";

describe("a chart's legend", () => {
  it("takes one row where its names fit and more on a phone, and the plot starts below all of them", () => {
    // "Median bis zur ersten Antwort" and "90 % beantwortet nach höchstens" at 12 px: about 170 px each.
    expect(legendRows([170, 180], 1100)).toBe(1);
    expect(legendRows([170, 180], 358)).toBe(2);
    expect(legendRows([110, 120, 125], 358)).toBe(2);
    expect(legendRows([], 358)).toBe(0);
    // One item wider than the chart still takes one row (ECharts does not break a name).
    expect(legendRows([400], 358)).toBe(1);
    // Below the legend (padding 5, rows of 16 px, 10 px apart) the axis name's 12 px and its gap of 15 px.
    expect(plotTop(1)).toBeGreaterThanOrEqual(5 + 16 + 15 + 12);
    expect(plotTop(2) - plotTop(1)).toBe(26);
  });
});

describe("the Veröffentlichung report's channels", () => {
  const list = ["bluesky", "mastodon", "website"];
  it("keep their colour by their place in the channel list, not in the result", () => {
    // Unfiltered Bluesky leads, with a campaign Mastodon: the colours stay with the channels.
    expect(channelColour(list, "bluesky")).toBe("#0072B2");
    expect(channelColour(list, "mastodon")).toBe("#D55E00");
    expect(channelColour(list, "website")).toBe("#009E73");
    expect(channelColour(list, "unknown")).toBe("#CC79A7");
  });

  it("name every channel that ties for most publications, and none when nothing went out", () => {
    const channel = (name: string, publications: number) => ({ name, current: { publications } });
    const tie = [channel("Bluesky", 330), channel("Mastodon", 330), channel("Website", 6)];
    expect(busiestChannels(tie).map((c) => c.name)).toEqual(["Bluesky", "Mastodon"]);
    expect(busiestChannels([channel("Website", 6), channel("Bluesky", 7)]).map((c) => c.name)).toEqual(["Bluesky"]);
    expect(busiestChannels([channel("Website", 0)])).toEqual([]);
  });
});

describe("the start page's sections", () => {
  const calm: OverviewNeeds = {
    mine: { overdue: 0, dueSoon: 0 },
    team: { overdue: 0, dueSoon: 0 },
    postApprovals: { count: 0 },
    replyApprovals: { count: 0 },
    moderation: { count: 0, threats: 0 },
    alerts: { count: 0 },
    notifications: { count: 0 },
    channels: { count: 0, items: [] },
    guideline: { acknowledged: true, review: null },
  };
  const all = () => true;

  it("keep their usual order when nothing needs action", () => {
    expect(sectionsByNeed(calm, all)).toEqual([
      "mine",
      "team",
      "postApprovals",
      "replyApprovals",
      "moderation",
      "alerts",
      "notifications",
      "channels",
      "guideline",
    ]);
  });

  it("put a threat first, then what waits, then the sections with nothing to do, each in the usual order", () => {
    const busy: OverviewNeeds = {
      ...calm,
      moderation: { count: 2, threats: 1 },
      notifications: { count: 1 },
      guideline: { acknowledged: false, review: null },
      postApprovals: { count: 3 },
    };
    expect(sectionsByNeed(busy, all)).toEqual([
      "moderation",
      "postApprovals",
      "notifications",
      "guideline",
      "mine",
      "team",
      "replyApprovals",
      "alerts",
      "channels",
    ]);
  });

  it("count overdue questions, shitstorm warnings and a channel to reconnect as urgent, and leave out sections not shown", () => {
    const urgent: OverviewNeeds = {
      ...calm,
      team: { overdue: 1, dueSoon: 0 },
      mine: { overdue: 0, dueSoon: 2 },
      alerts: { count: 1 },
      channels: { count: 1, items: [{ problem: "needs_reconnect" }] },
    };
    expect(sectionsByNeed(urgent, (key) => key !== "postApprovals" && key !== "replyApprovals")).toEqual([
      "team",
      "alerts",
      "channels",
      "mine",
      "moderation",
      "notifications",
      "guideline",
    ]);
  });
});

describe("the start page's pointer to Berichte", () => {
  it.each(["de", "en"])("names every report tab (%s)", (language) => {
    const words = JSON.parse(readFileSync(`web/src/i18n/${language}.json`, "utf8")) as {
      area: { reports: string };
      reports: { tab: Record<string, string> };
    };
    for (const tab of Object.values(words.reports.tab)) expect(words.area.reports).toContain(tab);
  });
});

describe("Stimmung filtered by a campaign", () => {
  const year = { from: "2026-01-01", to: "2026-12-31" };
  it("offers a short campaign's own days (up to three), one bar each, unless they are shown already", () => {
    const marathon = { firstDay: "2026-11-20", lastDay: "2026-11-22" };
    expect(shortCampaignDays(marathon, year)).toEqual({ from: "2026-11-20", to: "2026-11-22" });
    expect(shortCampaignDays(marathon, { from: "2026-11-20", to: "2026-11-22" })).toBeNull();
    expect(shortCampaignDays({ firstDay: "2026-11-24", lastDay: "2026-11-24" }, year)).toEqual({
      from: "2026-11-24",
      to: "2026-11-24",
    });
    // Four days are no longer short; no campaign chosen (or none offered), nothing to offer.
    expect(shortCampaignDays({ firstDay: "2026-11-20", lastDay: "2026-11-23" }, year)).toBeNull();
    expect(shortCampaignDays(undefined, year)).toBeNull();
  });
});
