import { describe, expect, it } from "vitest";
import { classifyMail } from "./emailKind.js";

const mail = (over: Partial<Parameters<typeof classifyMail>[0]> & { headerList?: Record<string, string> } = {}) =>
  classifyMail({
    headers: new Map(Object.entries(over.headerList ?? {})),
    fromAddress: over.fromAddress ?? "erika@buerger.test",
    subject: over.subject ?? "Frage",
    contentType: over.contentType ?? "text/plain",
    reportType: over.reportType ?? null,
  });

describe("recognising mails that are no citizen's question", () => {
  it("takes an ordinary mail for a citizen's, also one that says 'Auto-Submitted: no'", () => {
    expect(mail()).toBe("citizen");
    expect(mail({ headerList: { "auto-submitted": "no" } })).toBe("citizen");
  });

  it("recognises automatic replies by their headers and subjects", () => {
    expect(mail({ headerList: { "auto-submitted": "auto-replied" } })).toBe("auto_reply");
    expect(mail({ headerList: { "x-autoreply": "yes" } })).toBe("auto_reply");
    expect(mail({ headerList: { "x-autorespond": "1" } })).toBe("auto_reply");
    expect(mail({ headerList: { precedence: "junk" } })).toBe("auto_reply");
    expect(mail({ headerList: { precedence: "auto_reply" } })).toBe("auto_reply");
    expect(mail({ subject: "Automatische Antwort: Ihre Anfrage" })).toBe("auto_reply");
    expect(mail({ subject: "Out of Office: Re: Bauantrag" })).toBe("auto_reply");
  });

  it("recognises bounces by their report format and their senders", () => {
    expect(mail({ contentType: "multipart/report", reportType: "delivery-status" })).toBe("bounce");
    expect(mail({ fromAddress: "mailer-daemon@mx.buerger.test" })).toBe("bounce");
    expect(mail({ fromAddress: "postmaster@buerger.test" })).toBe("bounce");
  });
});
