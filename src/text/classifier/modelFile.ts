// The committed model file: each label's weights quantised to 8 bits (one scale per label), base64 in
// JSON, with the training settings, the validation figures and the data set's attribution. Pure:
// reading and writing the file is the caller's business.
import { z } from "zod";
import type { LinearModel } from "./linearModel.js";

export const ZModelFile = z.object({
  format: z.literal("draht-linear-1"),
  name: z.string(),
  featureBits: z.number().int(),
  labels: z.array(z.string()).min(2),
  scales: z.array(z.number()),
  weights: z.array(z.string()),
  offsets: z.array(z.number()).optional(),
  training: z.record(z.string(), z.unknown()),
  attribution: z.string(),
});
export type TModelFile = z.infer<typeof ZModelFile>;

export function toModelFile(
  model: LinearModel,
  meta: { name: string; featureBits: number; training: Record<string, unknown>; attribution: string },
): TModelFile {
  const scales = model.weights.map((w) => w.reduce((max, v) => Math.max(max, Math.abs(v)), 0) / 127 || 1);
  const weights = model.weights.map((w, k) => {
    const scale = scales[k] as number;
    const bytes = Int8Array.from(w, (v) => Math.max(-127, Math.min(127, Math.round(v / scale))));
    return Buffer.from(bytes.buffer).toString("base64");
  });
  const offsets = model.offsets ? [...model.offsets] : undefined;
  return {
    format: "draht-linear-1",
    name: meta.name,
    featureBits: meta.featureBits,
    labels: [...model.labels],
    scales,
    weights,
    offsets,
    training: meta.training,
    attribution: meta.attribution,
  };
}

export function fromModelFile(input: unknown): LinearModel {
  const file = ZModelFile.parse(input);
  const dimensions = 1 << file.featureBits;
  const weights = file.weights.map((b64, k) => {
    const bytes = new Int8Array(Buffer.from(b64, "base64"));
    if (bytes.length !== dimensions)
      throw new Error(
        `model ${file.name}: label ${file.labels[k]} has ${bytes.length} weights, expected ${dimensions}`,
      );
    const scale = file.scales[k] ?? 1;
    return Float32Array.from(bytes, (q) => q * scale);
  });
  return { labels: file.labels, dimensions, weights, offsets: file.offsets };
}
