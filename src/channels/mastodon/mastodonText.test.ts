import { describe, expect, it } from "vitest";
import { withoutLeadingMention } from "./mastodonInbound.js";
import { comparableText } from "./mastodonRecovery.js";
import { htmlToText } from "./mastodonText.js";

describe("Mastodon status text", () => {
  it("turns the status HTML into the plain text the inbox shows", () => {
    const html =
      '<p><span class="h-card"><a href="https://x.example/@stadt" class="u-url mention">@<span>stadt</span></a></span> Wann &amp; wo?<br>Danke!</p><p>Zweiter Absatz &lt;3 &#128512; &#x27;ok&#x27;</p>';
    expect(htmlToText(html)).toBe("@stadt Wann & wo?\nDanke!\n\nZweiter Absatz <3 😀 'ok'");
  });

  it("drops only our own leading mention", () => {
    expect(withoutLeadingMention("@stadt @stadt@x.example Wann?", "stadt")).toBe("Wann?");
    expect(withoutLeadingMention("@nachbar Wann?", "stadt")).toBe("@nachbar Wann?");
  });
});

describe("recognising an own status by its text", () => {
  it("compares the text as Mastodon renders it back: remote mentions without their instance, links whole, spacing", () => {
    const sent = "Hallo @lena@social.example,\n\nmehr unter https://stadt.example/weihnachtsmarkt/programm #Advent";
    const rendered =
      '<p>Hallo <span class="h-card"><a href="https://social.example/@lena" class="u-url mention">@<span>lena</span></a></span>,</p><p>mehr unter <a href="https://stadt.example/weihnachtsmarkt/programm" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">stadt.example/weihnachtsmar</span><span class="invisible">kt/programm</span></a> <a href="https://x.example/tags/Advent" class="mention hashtag" rel="tag">#<span>Advent</span></a></p>';
    expect(comparableText(htmlToText(rendered))).toBe(comparableText(sent));
    expect(comparableText(htmlToText(rendered))).not.toBe(comparableText(`${sent} (2)`));
  });
});
