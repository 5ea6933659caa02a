import { describe, expect, it } from "vitest";
import { mayResetPasswordOf, wouldRemoveLastAdministrator } from "./membershipRules.js";

const members = [
  { userId: "a", roles: ["administrator" as const], disabled: false },
  { userId: "b", roles: ["editor" as const], disabled: false },
];

describe("membership rules", () => {
  it("refuses demoting, disabling or removing the last administrator", () => {
    expect(wouldRemoveLastAdministrator(members, { userId: "a", roles: ["editor"] })).toBe(true);
    expect(wouldRemoveLastAdministrator(members, { userId: "a", disabled: true })).toBe(true);
    expect(wouldRemoveLastAdministrator(members, { userId: "a", removed: true })).toBe(true);
  });

  it("allows it when another administrator remains", () => {
    const two = [...members, { userId: "c", roles: ["administrator" as const], disabled: false }];
    expect(wouldRemoveLastAdministrator(two, { userId: "a", removed: true })).toBe(false);
    expect(wouldRemoveLastAdministrator(members, { userId: "b", removed: true })).toBe(false);
  });

  it("lets an administrator reset a password only if they administer all of the person's organisations", () => {
    expect(mayResetPasswordOf({ actorAdministeredOrgIds: ["x"], targetOrgIds: ["x"] })).toBe(true);
    expect(mayResetPasswordOf({ actorAdministeredOrgIds: ["x"], targetOrgIds: ["x", "y"] })).toBe(false);
  });
});
