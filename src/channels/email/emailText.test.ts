import { describe, expect, it } from "vitest";
import { collapseQuotedText } from "./emailText.js";

describe("the new part of a citizen's mail", () => {
  it("ends where a German mail program's quoted history begins", () => {
    const text =
      "Danke, das hilft.\n\nAm 03.12.2026 um 10:15 schrieb Bürgerservice <bs@stadt.de>:\n> Samstags 9–14 Uhr.";
    expect(collapseQuotedText(text)).toEqual({ shown: "Danke, das hilft.", collapsed: true });
  });

  it("ends at an English 'On … wrote:' line, also where the program wrapped it onto two lines", () => {
    expect(collapseQuotedText("Thanks!\nOn Mon, 7 Dec 2026 at 10:00, Stadt\n<bs@stadt.de> wrote:\n> Hi").shown).toBe(
      "Thanks!",
    );
  });

  it("ends at Outlook's separator line and at its From/Sent header block", () => {
    expect(collapseQuotedText("Ja bitte.\n-----Ursprüngliche Nachricht-----\nVon: Stadt\nAlt").shown).toBe("Ja bitte.");
    expect(collapseQuotedText("Ja bitte.\n\nFrom: Stadt <bs@stadt.de>\nSent: Monday\nTo: Erika\n\nAlt").shown).toBe(
      "Ja bitte.",
    );
  });

  it("leaves out the signature after the '-- ' delimiter", () => {
    expect(collapseQuotedText("Mein Antrag ist weg.\n-- \nErika Mustermann\nTel. 0123").shown).toBe(
      "Mein Antrag ist weg.",
    );
  });

  it("keeps quotes answered inline, and shows a mail that is nothing but a quote whole", () => {
    const inline = "> Welche Straße?\nDie Hauptstraße.\n> Seit wann?\nSeit Montag.";
    expect(collapseQuotedText(inline)).toEqual({ shown: inline, collapsed: false });
    expect(collapseQuotedText("> nur zitiert")).toEqual({ shown: "> nur zitiert", collapsed: false });
  });
});
