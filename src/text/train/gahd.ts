// Reading GAHD, the German Adversarial Hate Speech Dataset (CSV: gahd_id, text, label, round, split,
// contrastive_gahd_id; label 1 = hate against a group), and where it is by default.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface GahdRow {
  id: string;
  text: string;
  hate: boolean;
  split: "train" | "dev" | "test";
  contrastiveId: string;
}

/** Beside the project: ../shared/data/gahd (this file is src/text/train/ inside the project). */
export const GAHD_DIR =
  process.env.GAHD_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "..", "shared", "data", "gahd");
export const GAHD_ATTRIBUTION =
  'Trained on GAHD (CC BY 4.0): Janis Goldzycher, Paul Röttger, Gerold Schneider, "Improving Adversarial Data Collection by Supporting Annotators: Lessons from GAHD, a German Hate Speech Dataset", NAACL 2024; data: jagol/gahd (commit 2a4e919).';

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i] as string;
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && content[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

export function readGahd(file = path.join(GAHD_DIR, "gahd.csv")): GahdRow[] {
  const [header, ...rows] = parseCsv(readFileSync(file, "utf8"));
  const column = (name: string) => {
    const index = header?.indexOf(name) ?? -1;
    if (index < 0) throw new Error(`${file}: no column "${name}"`);
    return index;
  };
  const [id, text, label, split, contrastive] = ["gahd_id", "text", "label", "split", "contrastive_gahd_id"].map(
    column,
  );
  return rows.map((r, i) => {
    const s = r[split as number];
    if (s !== "train" && s !== "dev" && s !== "test") throw new Error(`${file}, row ${i + 2}: unknown split "${s}"`);
    return {
      id: r[id as number] ?? "",
      text: r[text as number] ?? "",
      hate: r[label as number] === "1",
      split: s,
      contrastiveId: r[contrastive as number] ?? "",
    };
  });
}
