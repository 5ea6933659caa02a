import { describe, expect, it } from "vitest";
import { keywordMatches, routeConversation } from "./routing.js";
import { fillTemplate, placeholdersIn, ZReplyTemplate } from "./replyTemplates.js";
import { replyNeedsApproval } from "./replyApproval.js";

const account = "11111111-1111-4111-8111-111111111111";
const kita = "22222222-2222-4222-8222-222222222222";
const waste = "33333333-3333-4333-8333-333333333333";
const rules = [
  { name: "Kita", channelAccountId: null, keywords: ["Kita"], intent: null, departmentId: kita, assigneeUserId: null },
  {
    name: "Müll-Beschwerden",
    channelAccountId: account,
    keywords: ["Müll", "Tonne"],
    intent: "complaint" as const,
    departmentId: waste,
    assigneeUserId: null,
  },
];

describe("routing", () => {
  it("matches keywords at word beginnings, across case and umlaut spellings", () => {
    expect(keywordMatches(["Kita"], "Gibt es freie Kitaplätze?")).toBe(true);
    expect(keywordMatches(["Müll"], "Der MUELL wurde nicht abgeholt")).toBe(true);
    expect(keywordMatches(["Kita"], "Die Akita-Hündin ist entlaufen")).toBe(false);
    expect(keywordMatches([], "irgendwas")).toBe(true);
  });

  it("takes the first matching rule, checking account and intent, and falls back to the account's department", () => {
    expect(
      routeConversation(rules, { channelAccountId: account, text: "Kita-Gebühren?", intent: "question" }, null),
    ).toMatchObject({ ruleIndex: 0, departmentId: kita });
    expect(
      routeConversation(
        rules,
        { channelAccountId: account, text: "Die Tonne stinkt seit Wochen", intent: "complaint" },
        null,
      ),
    ).toMatchObject({ ruleIndex: 1, departmentId: waste });
    expect(
      routeConversation(
        rules,
        { channelAccountId: account, text: "Wann wird die Tonne geleert?", intent: "question" },
        kita,
      ),
    ).toEqual({ ruleIndex: null, departmentId: kita, assigneeUserId: null });
  });
});

describe("reply templates", () => {
  it("fills the known placeholders and refuses unknown ones when saved", () => {
    expect(placeholdersIn("Hallo {{ name }}, {{datum}}")).toEqual(["name", "datum"]);
    const values = {
      name: "Frau Müller",
      organisation: "Stadt Musterstadt",
      bearbeiter: "Anna",
      abteilung: "Bürgerbüro",
      datum: "25. November 2026",
    };
    expect(fillTemplate("Guten Tag {{name}}, Ihr {{abteilung}} ({{organisation}})", values)).toBe(
      "Guten Tag Frau Müller, Ihr Bürgerbüro (Stadt Musterstadt)",
    );
    expect(ZReplyTemplate.safeParse({ title: "x", body: "Hallo {{vorname}}" }).success).toBe(false);
  });
});

describe("Freigabe of replies", () => {
  it("asks for it on a keyword in the reply or the citizen's text, always, or never", () => {
    const base = { keywords: ["Wahl"], replyText: "Danke", citizenTexts: ["Wo ist mein Wahllokal?"] };
    expect(replyNeedsApproval({ ...base, mode: "keywords" })).toBe(true);
    expect(replyNeedsApproval({ ...base, mode: "keywords", citizenTexts: ["Wann ist Markt?"] })).toBe(false);
    expect(replyNeedsApproval({ ...base, mode: "none" })).toBe(false);
    expect(replyNeedsApproval({ ...base, mode: "all", keywords: [] })).toBe(true);
  });
});
