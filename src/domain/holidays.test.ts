import { describe, expect, it } from "vitest";
import { publicHolidays } from "./holidays.js";

describe("public holidays", () => {
  it("knows the holidays of each Bundesland", () => {
    const nrw = publicHolidays(2026, "NW").map((h) => h.date);
    const berlin = publicHolidays(2026, "BE").map((h) => h.date);
    expect(nrw).toContain("2026-06-04"); // Fronleichnam in NRW
    expect(berlin).not.toContain("2026-06-04");
    expect(berlin).toContain("2026-03-08"); // Frauentag in Berlin
    expect(publicHolidays(2026, "NW").find((h) => h.date === "2026-04-03")?.name).toEqual({
      de: "Karfreitag",
      en: "Good Friday",
    });
  });
});
