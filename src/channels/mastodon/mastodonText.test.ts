import { describe, expect, it } from "vitest";
import { withoutLeadingMention } from "./mastodonInbound.js";
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
