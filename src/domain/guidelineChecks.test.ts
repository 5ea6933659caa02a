import { describe, expect, it } from "vitest";
import { checkPost, type VariantToCheck } from "./guidelineChecks.js";
import { ZGuidelineRules } from "./guidelineRules.js";
import { NETWORK_PROFILES, effectiveLimits } from "./networks.js";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const monday10 = new Date("2026-11-23T09:00:00Z"); // 10:00 in Berlin
const sunday22 = new Date("2026-11-29T21:00:00Z");

function variant(overrides: Partial<VariantToCheck> = {}): VariantToCheck {
  const profile = NETWORK_PROFILES.mastodon;
  return {
    channelAccountId: A,
    profile,
    limits: effectiveLimits(profile, {}),
    postingWindows: [],
    text: "Hallo",
    media: [],
    ...overrides,
  };
}

describe("guideline checks", () => {
  const rules = ZGuidelineRules.parse({
    addressForm: { required: "formal", reason: "Wir siezen." },
    forbiddenTerms: [{ term: "Sozialtourismus", reason: "Unwort" }],
    requiredHashtags: [{ channelAccountIds: [B], hashtags: ["#Musterstadt"] }],
    allowedLinkDomains: { domains: ["musterstadt.de"] },
    readability: { minScore: 40, minWords: 5 },
  });

  it("blocks the informal form where the guideline requires Sie, at the word's position", () => {
    const text = "Kommst du morgen zum Fest?";
    const result = checkPost({ rules, variants: [variant({ text })], publishAt: monday10 });
    const finding = result.findings.find((f) => f.rule === "address_form");
    expect(finding).toMatchObject({
      severity: "blocker",
      reason: "Wir siezen.",
      params: { word: "du", required: "formal" },
    });
    expect(text.slice(finding!.start!, finding!.end!)).toBe("du");
    expect(result.blockers).toBe(1);
  });

  it("passes the same sentence in the formal form", () => {
    const result = checkPost({
      rules,
      variants: [variant({ text: "Kommen Sie morgen zum Fest?" })],
      publishAt: monday10,
    });
    expect(result.findings).toEqual([]);
  });

  it("finds forbidden terms whole-word and case-insensitively", () => {
    const result = checkPost({
      rules,
      variants: [variant({ text: "Kein SOZIALTOURISMUS hier." })],
      publishAt: monday10,
    });
    expect(result.findings.map((f) => f.rule)).toEqual(["forbidden_term"]);
  });

  it("asks for required hashtags only on the accounts the rule names, and merges shared findings", () => {
    const text = "Besuchen Sie https://evil.example/abc";
    const result = checkPost({
      rules,
      variants: [variant({ text }), variant({ channelAccountId: B, text })],
      publishAt: monday10,
    });
    const link = result.findings.find((f) => f.rule === "link_domain");
    expect(link?.channelAccountIds).toEqual([A, B]);
    expect(link?.params.host).toBe("evil.example");
    expect(result.findings.find((f) => f.rule === "required_hashtag")?.channelAccountIds).toEqual([B]);
  });

  it("allows links to subdomains of allowed domains", () => {
    const result = checkPost({
      rules,
      variants: [variant({ text: "Siehe https://service.musterstadt.de/x" })],
      publishAt: monday10,
    });
    expect(result.findings).toEqual([]);
  });

  it("warns on hard-to-read text", () => {
    const text =
      "Die Inanspruchnahme sämtlicher Verwaltungsdienstleistungen erfordert grundsätzlich vorherige elektronische Terminvereinbarung.";
    const result = checkPost({
      rules,
      variants: [variant({ text, limits: { maxLength: 5000, maxMedia: 4, maxHashtags: null } })],
      publishAt: monday10,
    });
    expect(result.findings).toMatchObject([{ rule: "readability", severity: "warning" }]);
    expect(result.warnings).toBe(1);
  });

  it("blocks images without alternative text and videos without captions", () => {
    const media = [
      { kind: "image" as const, altText: " ", hasCaptions: false, name: "fest.jpg" },
      { kind: "video" as const, altText: null, hasCaptions: false, name: "rede.mp4" },
    ];
    // (On the website, where a video may stand beside images.)
    const website = NETWORK_PROFILES.website;
    const result = checkPost({
      rules: null,
      variants: [variant({ media, profile: website, limits: effectiveLimits(website, {}) })],
      publishAt: monday10,
    });
    expect(result.findings.map((f) => f.rule).sort()).toEqual(["alt_text", "video_captions"]);
  });

  it("counts as the network counts and blocks over the limit", () => {
    const text = `${"a".repeat(480)} https://www.musterstadt.de/${"x".repeat(100)}`;
    const ok = checkPost({ rules: null, variants: [variant({ text })], publishAt: monday10 });
    expect(ok.counts[A]).toEqual({ used: 481 + 23, limit: 500 });
    expect(ok.findings.map((f) => f.rule)).toEqual(["channel_length"]);
  });

  it("blocks a text beside media longer than the network's caption (Telegram: 1,024 characters)", () => {
    const telegram = NETWORK_PROFILES.telegram;
    const media = [{ kind: "image" as const, altText: "Das Rathaus", hasCaptions: false, name: "rathaus.jpg" }];
    const check = (text: string, withMedia: boolean) =>
      checkPost({
        rules: null,
        variants: [
          variant({ text, media: withMedia ? media : [], profile: telegram, limits: effectiveLimits(telegram, {}) }),
        ],
        publishAt: monday10,
      }).findings.map((f) => [f.rule, f.params]);
    expect(check("a".repeat(1025), true)).toEqual([["channel_caption_length", { used: 1025, limit: 1024 }]]);
    expect(check("a".repeat(1024), true)).toEqual([]);
    expect(check("a".repeat(1025), false)).toEqual([]);
  });

  it("blocks posting outside the account's posting windows", () => {
    const postingWindows = [{ timeZone: "Europe/Berlin", days: [1, 2, 3, 4, 5], from: "07:00", to: "20:00" }];
    expect(checkPost({ rules: null, variants: [variant({ postingWindows })], publishAt: monday10 }).findings).toEqual(
      [],
    );
    const late = checkPost({ rules: null, variants: [variant({ postingWindows })], publishAt: sunday22 });
    expect(late.findings).toMatchObject([{ rule: "posting_window", severity: "blocker" }]);
  });
});

describe("campaign checks", () => {
  const campaign = {
    hashtag: "#24hPolizei",
    startsAt: new Date("2026-11-23T08:00:00Z"),
    endsAt: new Date("2026-11-24T08:00:00Z"),
  };

  it("requires the campaign hashtag and a time inside the campaign window", () => {
    const inside = checkPost({
      rules: null,
      variants: [variant({ text: "Einsatz am Hauptbahnhof #24hpolizei" })],
      publishAt: monday10,
      campaign,
    });
    expect(inside.findings).toEqual([]);
    const outside = checkPost({
      rules: null,
      variants: [variant({ text: "Einsatz am Hauptbahnhof" })],
      publishAt: sunday22,
      campaign,
    });
    expect(outside.findings.map((f) => f.rule).sort()).toEqual(["campaign_hashtag", "campaign_window"]);
  });
});

describe("threads", () => {
  const rules = ZGuidelineRules.parse({
    addressForm: { required: "formal", reason: "Wir siezen." },
    requiredSignature: [{ channelAccountIds: null, text: "^Pressestelle" }],
  });

  it("measures each post of a thread on a network with threads, and points at the post a finding is in", () => {
    const followUps = [
      "Die Umleitung führt über die Hafenstraße.",
      `Kommst du mit dem Bus? ${"b".repeat(480)} ^Pressestelle`,
    ];
    const result = checkPost({
      rules,
      variants: [variant({ text: "Die Brücke bleibt bis Freitag gesperrt.", followUps })],
      publishAt: monday10,
    });
    expect(result.counts[A]).toEqual({ used: followUps[1]!.length, limit: 500, parts: [39, 41, followUps[1]!.length] });
    const length = result.findings.find((f) => f.rule === "thread_part_length");
    expect(length).toMatchObject({ part: 2, params: { part: 3, limit: 500 } });
    const form = result.findings.find((f) => f.rule === "address_form");
    expect(form?.part).toBe(2);
    expect(followUps[1]!.slice(form!.start!, form!.end!)).toBe("du");
    // The signature belongs at the end of the whole thread, and is there.
    expect(result.findings.map((f) => f.rule)).not.toContain("required_signature");
  });

  it("counts a thread as one text of paragraphs where the network has no threads", () => {
    const website = NETWORK_PROFILES.website;
    const parts = ["a".repeat(6000), "b".repeat(5000)];
    const result = checkPost({
      rules: null,
      variants: [
        variant({ profile: website, limits: effectiveLimits(website, {}), text: parts[0], followUps: [parts[1]!] }),
      ],
      publishAt: monday10,
    });
    expect(result.counts[A]).toEqual({ used: 11_002, limit: 10_000 });
    expect(result.findings).toMatchObject([{ rule: "channel_length", part: null }]);
  });

  it("blocks a poll with more answers than the channel allows, and videos where the channel takes none or only alone", () => {
    const poll = { endsAt: new Date("2026-11-30T09:00:00Z"), options: 5 };
    const mastodon = checkPost({ rules: null, variants: [variant()], publishAt: monday10, poll });
    expect(mastodon.findings).toMatchObject([{ rule: "channel_poll_options", params: { used: 5, limit: 4 } }]);
    const website = NETWORK_PROFILES.website;
    expect(
      checkPost({
        rules: null,
        variants: [variant({ profile: website, limits: effectiveLimits(website, {}) })],
        publishAt: monday10,
        poll,
      }).findings,
    ).toEqual([]);
    const video = { kind: "video" as const, altText: null, hasCaptions: true, name: "rundgang.mp4" };
    const image = { kind: "image" as const, altText: "Das Rathaus", hasCaptions: false, name: "rathaus.png" };
    expect(checkPost({ rules: null, variants: [variant({ media: [video] })], publishAt: monday10 }).findings).toEqual(
      [],
    );
    expect(
      checkPost({ rules: null, variants: [variant({ media: [video, image] })], publishAt: monday10 }).findings,
    ).toMatchObject([{ rule: "channel_video_alone" }]);
    const noVideos = { ...NETWORK_PROFILES.bluesky, videos: "none" as const };
    expect(
      checkPost({
        rules: null,
        variants: [variant({ profile: noVideos, limits: effectiveLimits(noVideos, {}), media: [video] })],
        publishAt: monday10,
      }).findings,
    ).toMatchObject([{ rule: "channel_video" }]);
  });

  it("blocks a text alone where the network publishes nothing without a picture, and videos on Facebook and Instagram", () => {
    const instagram = NETWORK_PROFILES.instagram;
    const on = (profile: typeof instagram, media: VariantToCheck["media"]) =>
      checkPost({
        rules: null,
        variants: [variant({ profile, limits: effectiveLimits(profile, {}), media })],
        publishAt: monday10,
      }).findings.map((f) => f.rule);
    const image = { kind: "image" as const, altText: "Das Rathaus", hasCaptions: false, name: "rathaus.png" };
    const video = { kind: "video" as const, altText: null, hasCaptions: true, name: "rundgang.mp4" };
    expect(on(instagram, [])).toEqual(["channel_media_required"]);
    expect(on(instagram, [image])).toEqual([]);
    expect(on(instagram, [video])).toEqual(["channel_video"]);
    expect(on(NETWORK_PROFILES.facebook, [])).toEqual([]);
    expect(on(NETWORK_PROFILES.facebook, [video])).toEqual(["channel_video"]);
  });

  it("blocks on X the reply limits and polls X does not take, and only warns where a network has no reply limits", () => {
    const x = NETWORK_PROFILES.x;
    const rulesFor = (
      profile: typeof x,
      replyPolicy: "everyone" | "mentioned" | "following" | "followers" | "nobody",
    ) =>
      checkPost({
        rules: null,
        variants: [variant({ profile, limits: effectiveLimits(profile, {}) })],
        publishAt: monday10,
        replyPolicy,
      }).findings.map((f) => [f.rule, f.severity]);
    expect(rulesFor(x, "mentioned")).toEqual([]);
    expect(rulesFor(x, "following")).toEqual([]);
    expect(rulesFor(x, "followers")).toEqual([["channel_reply_policy_choice", "blocker"]]);
    expect(rulesFor(x, "nobody")).toEqual([["channel_reply_policy_choice", "blocker"]]);
    expect(rulesFor(NETWORK_PROFILES.bluesky, "followers")).toEqual([]);
    expect(rulesFor(NETWORK_PROFILES.mastodon, "nobody")).toEqual([["channel_reply_policy", "warning"]]);
    const poll = { endsAt: new Date("2026-11-30T09:00:00Z"), options: 2 };
    const onX = checkPost({
      rules: null,
      variants: [variant({ profile: x, limits: effectiveLimits(x, {}) })],
      publishAt: monday10,
      poll,
    });
    expect(onX.findings).toMatchObject([{ rule: "channel_poll", severity: "blocker" }]);
  });

  it("warns where a channel cannot limit who may answer", () => {
    const website = NETWORK_PROFILES.website;
    const result = checkPost({
      rules: null,
      variants: [
        variant(),
        variant({
          channelAccountId: B,
          profile: NETWORK_PROFILES.bluesky,
          limits: effectiveLimits(NETWORK_PROFILES.bluesky, {}),
        }),
        variant({
          channelAccountId: "00000000-0000-4000-8000-00000000000c",
          profile: website,
          limits: effectiveLimits(website, {}),
        }),
      ],
      publishAt: monday10,
      replyPolicy: "mentioned",
    });
    expect(result.findings).toMatchObject([
      {
        rule: "channel_reply_policy",
        severity: "warning",
        channelAccountIds: [A, "00000000-0000-4000-8000-00000000000c"],
      },
    ]);
    expect(result.blockers).toBe(0);
    expect(
      checkPost({ rules: null, variants: [variant()], publishAt: monday10, replyPolicy: "everyone" }).findings,
    ).toEqual([]);
  });

  it("refuses an empty post in a thread, naming which", () => {
    const result = checkPost({
      rules: null,
      variants: [variant({ text: "Erster Teil", followUps: ["  "] })],
      publishAt: monday10,
    });
    expect(result.findings).toMatchObject([{ rule: "empty_text", part: 1 }]);
  });
});
