import { describe, expect, it } from "vitest";
import { diffVersions } from "./articleDiff.js";
import { ZArticleInput, mediaIdsIn, statusAfter, stepsFrom } from "./articleWorkflow.js";

describe("an article's life", () => {
  it("publishes from a draft or from review, and returns only what is in review", () => {
    expect(statusAfter("draft", "publish")).toBe("published");
    expect(statusAfter("in_review", "publish")).toBe("published");
    expect(statusAfter("in_review", "return")).toBe("draft");
    expect(statusAfter("published", "return")).toBeNull();
    expect(statusAfter("published", "submit")).toBeNull();
    expect(statusAfter("archived", "publish")).toBeNull();
    expect(stepsFrom("archived")).toEqual(["restore"]);
    expect(stepsFrom("published")).toEqual(["archive"]);
  });

  it("keeps tags in lower case once each, and names the library files the text shows", () => {
    const input = ZArticleInput.parse({
      title: " Sperrmüll ",
      body: "Text ![Karte](media:0F8FAD5B-D9CB-469F-A165-70867728950E) und ![Karte](media:0f8fad5b-d9cb-469f-a165-70867728950e) ![x](https://example.org/a.png)",
      tags: ["Müll", "müll", "Abfall"],
      reviewBy: "2027-01-01",
    });
    expect(input.title).toBe("Sperrmüll");
    expect(input.tags).toEqual(["müll", "abfall"]);
    expect(mediaIdsIn(input.body)).toEqual(["0f8fad5b-d9cb-469f-a165-70867728950e"]);
  });
});

describe("the difference between two versions", () => {
  it("marks removed and added words and the tags that changed", () => {
    const diff = diffVersions(
      { title: "Sperrmüll", body: "Abholung zweimal im Jahr.", tags: ["müll"] },
      { title: "Sperrmüll", body: "Abholung dreimal im Jahr.", tags: ["müll", "abholung"] },
    );
    expect(diff.title).toEqual([{ kind: "same", text: "Sperrmüll" }]);
    expect(diff.body.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["zweimal"]);
    expect(diff.body.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["dreimal"]);
    expect(diff.tagsAdded).toEqual(["abholung"]);
    expect(diff.tagsRemoved).toEqual([]);
  });
});
