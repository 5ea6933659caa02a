// What decides whether people are on duty now, read once for a round of deliveries: their entries in their
// organisations' coverage plans, the absences, and each organisation's office hours and holidays (the duty
// times of a person the plan does not name).
import { inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { organisations } from "../../db/schema/index.js";
import type { DutyFacts } from "../../domain/notificationDelivery.js";
import { calendarOf } from "../../domain/slaClock.js";
import { loadCoverage } from "../inbox/coverage-plan.js";

export async function loadDutyFacts(
  tx: Db | Tx,
  args: { people: readonly { orgId: string; userId: string }[]; now: Date },
): Promise<{ of(orgId: string, userId: string): DutyFacts }> {
  const orgIds = [...new Set(args.people.map((p) => p.orgId))];
  const [coverage, orgs] = await Promise.all([
    loadCoverage(tx, { orgIds, now: args.now }),
    orgIds.length
      ? tx
          .select({
            id: organisations.id,
            timeZone: organisations.timeZone,
            state: organisations.state,
            officeSchedule: organisations.officeSchedule,
          })
          .from(organisations)
          .where(inArray(organisations.id, orgIds))
      : Promise.resolve([]),
  ]);
  const calendars = new Map(orgs.map((o) => [o.id, calendarOf(o)]));
  return {
    of(orgId, userId) {
      const calendar =
        calendars.get(orgId) ?? calendarOf({ timeZone: "Europe/Berlin", state: "BE", officeSchedule: null });
      return {
        entries: coverage.plan.filter((e) => e.orgId === orgId && e.userId === userId),
        absences: coverage.away.filter((a) => a.orgId === orgId && a.userId === userId),
        calendar,
      };
    },
  };
}
