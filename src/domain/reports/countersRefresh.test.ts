import { describe, expect, it } from "vitest";
import { countersRefreshInterval, nextCountersFetch } from "./countersRefresh.js";

describe("when a published item's counters are read again", () => {
  it("asks often about new items and more and more rarely about older ones", () => {
    const hour = 3_600_000;
    expect(countersRefreshInterval(2 * hour)).toBe(15 * 60_000);
    expect(countersRefreshInterval(3 * 24 * hour)).toBe(2 * hour);
    expect(countersRefreshInterval(20 * 24 * hour)).toBe(12 * hour);
    expect(countersRefreshInterval(60 * 24 * hour)).toBe(7 * 24 * hour);
    expect(nextCountersFetch(new Date("2026-12-01T10:00:00Z"), new Date("2026-12-01T11:00:00Z"))).toEqual(
      new Date("2026-12-01T11:15:00Z"),
    );
  });
});
