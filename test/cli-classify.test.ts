// `draht classify` and `draht eval` as a person uses them: real processes, standard input and output.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "draht-classify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function draht(args: string[], input = ""): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["--import", "tsx", "src/cli/main.ts", ...args], {
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("draht classify", () => {
  it("writes one JSON line per input with labels and scores, and an error line for a malformed one while going on", async () => {
    const input = [
      JSON.stringify({ id: "a", text: "Wann öffnet das Bürgeramt am Samstag?" }),
      "{kaputt",
      JSON.stringify({ id: "c", text: "Ich bring dich um, du Vollidiot" }),
      JSON.stringify({ id: "d" }),
      JSON.stringify({ id: "e", text: "Vielen Dank für die schnelle Hilfe!" }),
    ].join("\n");
    const result = await draht(["classify"], input);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string | null;
            labels?: string[];
            scores?: Record<string, number>;
            error?: string;
            line?: number;
          },
      );
    expect(lines.map((l) => l.id)).toEqual(["a", null, "c", "d", "e"]);
    expect(lines[0]).toMatchObject({ labels: expect.arrayContaining(["QUESTION"]) });
    expect(lines[0]?.scores?.question).toBeGreaterThan(0.8);
    expect(lines[1]).toMatchObject({ line: 2, error: "not valid JSON" });
    expect(lines[2]?.labels).toEqual(expect.arrayContaining(["OFFENSE", "THREAT"]));
    for (const key of ["offense", "insult", "profanity", "abuse", "threat", "question", "sentiment"])
      expect(lines[2]?.scores).toHaveProperty(key);
    expect(lines[3]?.error).toContain("text");
    expect(lines[4]?.scores?.sentiment).toBeGreaterThan(0);
    expect(result.stderr).toContain("line 2: not valid JSON");
  }, 60_000);
});

describe("draht eval", () => {
  it("prints precision, recall and F1 per class and macro-F1, and refuses a file with unknown labels", async () => {
    const file = path.join(dir, "labelled.tsv");
    writeFileSync(
      file,
      [
        "Du Vollidiot\tOFFENSE\tINSULT",
        "Wann ist Markt?\tOTHER\tOTHER",
        "Danke für die Hilfe\tOTHER\tOTHER",
        "#Rathaus Ihr Versager\tOFFENSE\tINSULT",
      ].join("\n"),
    );
    const result = await draht(["eval", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(": 4 texts");
    expect(result.stdout).toMatch(/OFFENSE\s+\d+\.\d+\s+\d+\.\d+\s+\d+\.\d+\s+2/);
    expect(result.stdout).toContain("macro-F1 (mean of per-class F1)");
    writeFileSync(file, "Text\tBÖSE\tOTHER\n");
    const refused = await draht(["eval", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 1: unknown label "BÖSE"');
  }, 60_000);
});
