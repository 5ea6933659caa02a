// `draht export-decisions` in-process on the real database: an organisation's labelled examples as JSON
// lines with nothing about people, only its own, from a time on, to a file or standard output; an unknown
// organisation is named and leaves no file; the export is audited.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportThreatLabels } from "../src/app/moderation/export-threat-labels.js";
import { exportDecisions } from "../src/cli/commands/exportDecisions.js";
import { describeError } from "../src/cli/runtime.js";
import { auditEvents, inboundMessages, moderationCases, threatLabels } from "../src/db/schema/index.js";
import type { TLabelledExample } from "../src/domain/moderation/threatLabels.js";
import { buildMember } from "./support/factories.js";
import { type TestApp, signIn, startTestApp } from "./support/testApp.js";
import { buildWebsiteScene, startCitizen } from "./support/website.js";

let now = new Date("2026-11-24T10:00:00Z");
let t: TestApp;
const dir = mkdtempSync(path.join(tmpdir(), "draht-export-"));
beforeAll(async () => {
  t = await startTestApp({ clock: () => now });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An organisation whose moderator labels one case per text, a minute apart; returns the people involved. */
async function labelledOrg(labelled: { text: string; threat: "threat" | "not_threat" }[]) {
  const scene = await buildWebsiteScene(t.ctx);
  const moderator = await buildMember(t.ctx, scene.org.id, { roles: ["moderator"] });
  const mod = await signIn(t.app, moderator.email, moderator.password);
  const citizen = await startCitizen(t.app, scene.org.slug, `198.51.100.${Math.floor(Math.random() * 200) + 1}`);
  await citizen.acceptNetiquette(scene.netiquette.id);
  for (const { text, threat } of labelled) {
    now = new Date(now.getTime() + 60_000);
    const posted = await citizen.comment(scene.entryId, { text, displayName: "Erika Mustermann" });
    const [message] = await t.ctx.db
      .select({ id: inboundMessages.id, caseId: moderationCases.id })
      .from(inboundMessages)
      .leftJoin(moderationCases, eq(moderationCases.inboundMessageId, inboundMessages.id))
      .where(eq(inboundMessages.externalId, (posted.json() as { id: string }).id));
    if (!message) throw new Error(`no message for ${text}`);
    // What the pipeline let through, the moderator reports: the label does not depend on the analyser's verdict.
    const caseId =
      message.caseId ??
      (
        (
          await mod.request("POST", `/api/orgs/${scene.org.id}/moderation/reports`, {
            messageId: message.id,
            reason: "Bitte prüfen",
          })
        ).json() as { id: string }
      ).id;
    const decided = await mod.request("POST", `/api/orgs/${scene.org.id}/moderation/cases/${caseId}/decision`, {
      action: "hide",
      clause: 3,
      reason: "Geprüft",
      threat,
    });
    expect(decided.statusCode).toBe(200);
  }
  return { ...scene, moderator };
}

function sink() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

const linesOf = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TLabelledExample);

describe("draht export-decisions", () => {
  it("writes the organisation's own labelled examples as JSON lines with nothing about people", async () => {
    const first = "Ihr seid alle unfähige Idioten und Versager, @hans.meier@example.social";
    const a = await labelledOrg([
      { text: first, threat: "not_threat" },
      { text: "Ihr Vollidioten, schreibt mir an erika@example.org, ich komme vorbei", threat: "threat" },
    ]);
    const b = await labelledOrg([{ text: "Der Bürgermeister ist ein Vollidiot aus Gemeinde B", threat: "threat" }]);
    const out = path.join(dir, "a.jsonl");
    const stdout = sink();
    const stderr = sink();

    const count = await exportDecisions(t.ctx, { org: a.org.slug, out, stdout: stdout.stream, stderr: stderr.stream });

    expect(count).toBe(2);
    expect(stdout.text()).toBe("");
    expect(stderr.text()).toBe(`draht export-decisions: 2 labelled example(s) of ${a.org.slug} written to ${out}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const file = readFileSync(out, "utf8");
    const lines = linesOf(file);
    const stored = await t.ctx.db
      .select()
      .from(threatLabels)
      .where(eq(threatLabels.orgId, a.org.id))
      .orderBy(threatLabels.decidedAt);
    expect(lines).toEqual([
      {
        text: "Ihr seid alle unfähige Idioten und Versager, @user",
        label: "not_threat",
        decidedAt: stored[0]?.decidedAt.toISOString(),
        analyser: stored[0]?.analyser,
        threatScore: stored[0]?.threatScore,
      },
      {
        text: "Ihr Vollidioten, schreibt mir an <email>, ich komme vorbei",
        label: "threat",
        decidedAt: stored[1]?.decidedAt.toISOString(),
        analyser: stored[1]?.analyser,
        threatScore: stored[1]?.threatScore,
      },
    ]);
    expect(lines.every((l) => typeof l.analyser === "string" && typeof l.threatScore === "number")).toBe(true);
    for (const personal of [
      a.moderator.userId,
      a.moderator.email,
      "Erika Mustermann",
      "hans.meier",
      "erika@example.org",
      a.org.id,
      "Gemeinde B",
    ])
      expect(file).not.toContain(personal);
    expect(readdirSync(dir)).toEqual(["a.jsonl"]);

    const other = sink();
    await exportDecisions(t.ctx, { org: b.org.slug, stdout: other.stream, stderr: sink().stream });
    expect(linesOf(other.text()).map((l) => l.text)).toEqual(["Der Bürgermeister ist ein Vollidiot aus Gemeinde B"]);

    const [audit] = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, a.org.id), eq(auditEvents.action, "moderation.labels_exported")));
    expect(audit).toMatchObject({ actorLabel: "cli", data: { count: 2, since: null } });
  });

  it("writes only the labels given from --since on, a date counting from midnight in the organisation's time zone", async () => {
    now = new Date("2026-11-30T23:20:00Z"); // 00:20 on 1 December in Berlin, still 30 November in UTC
    const org = await labelledOrg([
      { text: "Ihr seid unfähige Idioten, alle miteinander", threat: "not_threat" }, // 23:21 UTC
      { text: "Ihr Versager im Rathaus seid das Letzte", threat: "not_threat" }, // 23:22 UTC
      { text: "Ihr Vollidioten, wartet nur ab", threat: "threat" }, // 23:23 UTC
    ]);
    const exported = async (since: string) => {
      const stdout = sink();
      const stderr = sink();
      await exportDecisions(t.ctx, { org: org.org.slug, since, stdout: stdout.stream, stderr: stderr.stream });
      return { times: linesOf(stdout.text()).map((l) => l.decidedAt), stderr: stderr.text() };
    };
    const fromTime = await exported("2026-11-30T23:22:00Z");
    expect(fromTime.times).toEqual(["2026-11-30T23:22:00.000Z", "2026-11-30T23:23:00.000Z"]);
    expect(fromTime.stderr).toBe(
      `draht export-decisions: 2 labelled example(s) of ${org.org.slug} since 2026-11-30T23:22:00.000Z written\n`,
    );
    expect((await exported("2026-12-01T00:22:00+01:00")).times).toHaveLength(2);
    // 1 December begins at 23:00 UTC in Berlin: all three were labelled on that day there.
    const fromDay = await exported("2026-12-01");
    expect(fromDay.times).toHaveLength(3);
    expect(fromDay.stderr).toContain("since 2026-11-30T23:00:00.000Z");
    expect((await exported("2026-12-02")).times).toEqual([]);
  });

  it("reads page by page without losing or repeating a label", async () => {
    const org = await labelledOrg([
      { text: "Ihr seid Idioten, erstens", threat: "not_threat" },
      { text: "Ihr seid Versager, zweitens", threat: "threat" },
      { text: "Ihr seid Vollidioten, drittens", threat: "not_threat" },
    ]);
    const texts: string[] = [];
    const { count } = await exportThreatLabels(t.ctx, {
      actor: { userId: null, label: "test" },
      input: { orgSlug: org.org.slug },
      write: (example) => {
        // A page that starts again at its last row would go on for ever.
        if (texts.push(example.text) > 10) throw new Error("the same labels again and again");
      },
      pageSize: 1,
    });
    expect(count).toBe(3);
    expect(texts).toEqual([
      "Ihr seid Idioten, erstens",
      "Ihr seid Versager, zweitens",
      "Ihr seid Vollidioten, drittens",
    ]);
  });

  it("names an unknown organisation or a malformed date, and leaves no file", async () => {
    const out = path.join(dir, "unknown.jsonl");
    const unknown = await exportDecisions(t.ctx, {
      org: "gibt-es-nicht",
      out,
      stdout: sink().stream,
      stderr: sink().stream,
    }).catch((error: unknown) => error);
    expect(describeError(unknown)).toBe('No organisation with slug "gibt-es-nicht" (draht org list shows them).');
    const org = await labelledOrg([]);
    const badDate = await exportDecisions(t.ctx, {
      org: org.org.slug,
      out,
      since: "letzte Woche",
      stdout: sink().stream,
      stderr: sink().stream,
    }).catch((error: unknown) => error);
    expect(describeError(badDate)).toContain("since: expected a date (2026-11-01)");
    // Also a moment later: the file was once opened in the background after the failed export had removed
    // it, and stayed (or, with the directory gone, broke the run with an uncaught error).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readdirSync(dir).filter((f) => f.startsWith("unknown"))).toEqual([]);
  });
});
