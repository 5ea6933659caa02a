import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FEATURE_BITS, FEATURE_DIMENSIONS, featuresOf } from "./features.js";
import { scoresOf, trainLinearModel } from "./linearModel.js";
import { evaluate } from "./metrics.js";
import { fromModelFile, toModelFile } from "./modelFile.js";
import { createOffenseClassifier } from "./offenseClassifier.js";

describe("metrics as the GermEval scorer computes them", () => {
  it("gives per-class figures, the harmonic mean of macro P and R, and the mean F1", () => {
    const gold = ["OFFENSE", "OFFENSE", "OFFENSE", "OTHER", "OTHER", "OTHER", "OTHER", "OTHER"];
    const pred = ["OFFENSE", "OFFENSE", "OTHER", "OFFENSE", "OTHER", "OTHER", "OTHER", "OTHER"];
    const r = evaluate(["OFFENSE", "OTHER"], gold, pred);
    // OFFENSE: P 2/3, R 2/3; OTHER: P 4/5, R 4/5.
    expect(r.classes[0]).toMatchObject({ precision: 2 / 3, recall: 2 / 3, support: 3 });
    expect(r.macroPrecision).toBeCloseTo((2 / 3 + 4 / 5) / 2);
    expect(r.officialF1).toBeCloseTo((2 / 3 + 4 / 5) / 2);
    expect(r.accuracy).toBe(6 / 8);
  });
});

describe("the linear model", () => {
  const examples = [
    ...["du idiot", "blöder idiot", "so ein depp", "depp hoch drei"].map((t) => ({ x: featuresOf(t), y: 0 })),
    ...["schönes fest", "danke für die info", "schönes wetter heute", "danke schön"].map((t) => ({
      x: featuresOf(t),
      y: 1,
    })),
  ];
  const train = (seed: number) =>
    trainLinearModel({
      labels: ["BAD", "GOOD"],
      dimensions: FEATURE_DIMENSIONS,
      examples,
      options: { epochs: 20, learningRate: 0.3, l2: 0, seed },
    });

  it("learns a separable toy problem and is the same for the same seed", () => {
    const model = train(7);
    expect(scoresOf(model, featuresOf("was für ein idiot"))[0]).toBeGreaterThan(0.5);
    expect(scoresOf(model, featuresOf("danke für das schöne fest"))[1]).toBeGreaterThan(0.5);
    expect(train(7).weights[0]).toEqual(model.weights[0]);
  });

  it("survives the 8-bit model file with small error", () => {
    const model = train(7);
    const restored = fromModelFile(
      JSON.parse(
        JSON.stringify(
          toModelFile(model, { name: "toy", featureBits: FEATURE_BITS, training: {}, attribution: "test" }),
        ),
      ),
    );
    const x = featuresOf("du idiot");
    expect(scoresOf(restored, x)[0]).toBeCloseTo(scoresOf(model, x)[0] as number, 1);
  });
});

describe("the committed offensive-language model (GermEval 2018)", () => {
  const file = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "models", "offense.json"), "utf8")) as {
    coarse: unknown;
    fine: unknown;
  };
  const classifier = createOffenseClassifier(file);

  it("tells an insult from a friendly remark, and names the n-grams that decided", () => {
    const insult = classifier.classify("Du bist ein widerlicher Vollidiot und ein Dreckspack");
    expect(insult.coarseLabel).toBe("OFFENSE");
    expect(insult.evidence.length).toBeGreaterThan(0);
    expect(classifier.classify("Vielen Dank für die Information zum Wochenmarkt am Samstag").coarseLabel).toBe("OTHER");
  });
});

describe("scoring word by word", () => {
  it("gives the same probabilities as the full feature vector (the dot product is linear in the counts)", async () => {
    const { packModelFiles } = await import("./packedModels.js");
    const { featuresOfNormalised } = await import("./features.js");
    const { normaliseText } = await import("../normalise.js");
    const { MASKABLE_WORDS } = await import("../lexicon.js");
    const file = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "models", "offense.json"), "utf8")) as {
      coarse: unknown;
      fine: unknown;
    };
    const packed = packModelFiles([file.coarse, file.fine]);
    const classifier = createOffenseClassifier({ coarse: file.coarse, fine: file.fine });
    for (const text of [
      "Du Vollidiot, du Vollidiot!!! 😡",
      "Wann öffnet das Bürgeramt? https://example.org @stadt",
      "idiot idiot idiot idiot idiot",
    ]) {
      const normalised = normaliseText(text, { vocabulary: MASKABLE_WORDS });
      const [coarse = []] = packed.score(featuresOfNormalised(normalised));
      expect(classifier.classifyNormalised(normalised).offense, text).toBeCloseTo(coarse[0] ?? -1, 6);
    }
  });

  it("scores a text as before after its pool of word sums has filled up and started over", () => {
    const file = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "models", "offense.json"), "utf8")) as {
      coarse: unknown;
      fine: unknown;
    };
    const classifier = createOffenseClassifier(file);
    const text = "Du widerlicher Vollidiot, verschwinde aus unserer Stadt!";
    const before = classifier.classify(text, { explainFrom: 0 });
    // 65,000 words never seen before (letters only: digits between letters are read as leetspeak): more than the
    // pool remembers (60,000), fewer than the word table (100,000).
    const letters = (n: number) => n.toString(26).replace(/\d/g, (digit) => "qrstuvwxyz"[Number(digit)] as string);
    for (let n = 0; n < 13_000; n++)
      classifier.classify(["qa", "qb", "qc", "qd", "qe"].map((prefix) => `${prefix}${letters(n)}x`).join(" "));
    expect(classifier.classify(text, { explainFrom: 0 })).toEqual(before);
  });
});
