import { describe, expect, it } from "vitest";
import { minimalMp4 } from "../../test/support/mp4.js";
import { mp4DurationSeconds } from "./videoDuration.js";

describe("MP4 running time", () => {
  it("reads the duration from the movie header", () => {
    expect(mp4DurationSeconds(minimalMp4(42.5))).toBe(42.5);
  });

  it("returns null for bytes without a movie header", () => {
    expect(mp4DurationSeconds(new Uint8Array([0, 0, 0, 8, 102, 114, 101, 101]))).toBeNull();
    expect(mp4DurationSeconds(new Uint8Array(3))).toBeNull();
  });
});
