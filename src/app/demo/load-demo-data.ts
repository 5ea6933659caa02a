// Demo data: the municipality "Musterstadt" with its departments and one person per role, and a
// second organisation ("Landkreis Beispiel") to show tenant isolation and the organisation switcher.
// Loading twice changes nothing.
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import type { Role } from "../../domain/roles.js";
import { installationActorIn } from "../authorization.js";
import type { AppContext, Principal } from "../context.js";
import { createDepartment } from "../departments/create-department.js";
import { loadDemoHistory } from "./load-demo-history.js";
import { loadDemoPostsHistory } from "./load-demo-posts-history.js";
import { loadDemoInbox } from "./load-demo-inbox.js";
import { loadDemoKnowledge } from "./load-demo-knowledge.js";
import { loadDemoSharing } from "./load-demo-sharing.js";
import { localDate } from "../../domain/guidelineReview.js";
import { rememberEarlierAnswers } from "../knowledge/rememberEarlierAnswers.js";
import { loadDemoModerationHistory } from "./load-demo-moderation-history.js";
import { addMemberUnchecked } from "../members/add-member.js";
import { createOrganisation } from "../orgs/create-organisation.js";
import { loadDemoPublishing } from "./load-demo-publishing.js";
import { loadDemoWebsite } from "./load-demo-website.js";

/** Documented in the README; demo installations only. */
export const DEMO_PASSWORD = "Musterstadt-Demo-2026";

export interface DemoLogin {
  email: string;
  role: Role;
  organisations: string[];
}

const MUSTERSTADT_DEPARTMENTS = [
  { name: "Presse- und Öffentlichkeitsarbeit", shortName: "PÖA" },
  { name: "Bürgeramt", shortName: "BA" },
  { name: "Ordnungsamt", shortName: "OA" },
  { name: "Jugendamt", shortName: "JA" },
  { name: "Tiefbauamt", shortName: "TBA" },
  { name: "Abfallwirtschaft", shortName: "AW" },
];

export const MUSTERSTADT_PEOPLE: { email: string; name: string; role: Role; department?: string }[] = [
  { email: "admin@musterstadt.example", name: "Anna Admin", role: "administrator" },
  { email: "presse@musterstadt.example", name: "Paul Presse", role: "press_office" },
  {
    email: "amtsleitung@musterstadt.example",
    name: "Jana Jugendamt",
    role: "department_head",
    department: "Jugendamt",
  },
  { email: "redaktion@musterstadt.example", name: "Rita Redaktion", role: "editor" },
  { email: "kita@musterstadt.example", name: "Karl Kita", role: "department_contributor", department: "Jugendamt" },
  { email: "moderation@musterstadt.example", name: "Mona Moderation", role: "moderator" },
  { email: "analyse@musterstadt.example", name: "Alex Analyse", role: "analyst" },
];

export async function loadDemoData(
  ctx: AppContext,
  options: { actor: Principal },
): Promise<{ created: boolean; logins: DemoLogin[] }> {
  const logins: DemoLogin[] = [
    ...MUSTERSTADT_PEOPLE.map((p) => ({
      email: p.email,
      role: p.role,
      organisations: p.role === "administrator" ? ["Musterstadt", "Landkreis Beispiel"] : ["Musterstadt"],
    })),
    { email: "presse@landkreis-beispiel.example", role: "press_office", organisations: ["Landkreis Beispiel"] },
  ];
  const [existing] = await ctx.db.select().from(organisations).where(eq(organisations.slug, "musterstadt"));
  if (existing) return { created: false, logins };

  const system = options.actor;
  // The loader acts for the installation; it holds an administrator grant only for the organisations it creates.
  const org = await createOrganisation(ctx, {
    actor: system,
    input: { name: "Musterstadt", slug: "musterstadt", state: "NW" },
  });
  const adminActor = installationActorIn(org.id, system);
  const departmentIds = new Map<string, string>();
  for (const department of MUSTERSTADT_DEPARTMENTS) {
    const created = await createDepartment(ctx, { actor: adminActor, orgId: org.id, input: department });
    departmentIds.set(created.name, created.id);
  }
  const userIds = new Map<string, string>();
  for (const person of MUSTERSTADT_PEOPLE) {
    const departmentId = person.department ? departmentIds.get(person.department) : undefined;
    const added = await addMemberUnchecked(ctx, {
      actor: system,
      orgId: org.id,
      mustChangePassword: false,
      input: {
        email: person.email,
        name: person.name,
        roles: [person.role],
        departmentIds: departmentId ? [departmentId] : null,
        initialPassword: DEMO_PASSWORD,
      },
    });
    userIds.set(person.email, added.userId);
  }
  const { websiteAccountId } = await loadDemoPublishing(ctx, {
    admin: adminActor,
    orgId: org.id,
    pressDepartmentId: departmentIds.get("Presse- und Öffentlichkeitsarbeit") ?? "",
    pressUserId: userIds.get("presse@musterstadt.example") ?? "",
    editorUserId: userIds.get("redaktion@musterstadt.example") ?? "",
    today: ctx.clock(),
  });
  await loadDemoInbox(ctx, { admin: adminActor, orgId: org.id, departmentIds, userIds, websiteAccountId });
  await loadDemoKnowledge(ctx, {
    admin: adminActor,
    orgId: org.id,
    departmentIds,
    ownerUserId: userIds.get("presse@musterstadt.example") ?? null,
  });
  const staff = (...emails: string[]) => emails.map((email) => userIds.get(email) ?? "").filter(Boolean);
  await loadDemoHistory(ctx, {
    admin: adminActor,
    orgId: org.id,
    pressDepartmentId: departmentIds.get("Presse- und Öffentlichkeitsarbeit") ?? "",
    pressUserId: userIds.get("presse@musterstadt.example") ?? "",
    responders: [
      {
        departmentId: departmentIds.get("Jugendamt") ?? null,
        userIds: staff("kita@musterstadt.example", "amtsleitung@musterstadt.example"),
      },
      { departmentId: null, userIds: staff("presse@musterstadt.example", "redaktion@musterstadt.example") },
    ],
  });
  // After the history: its Bluesky (Sandbox) account is one the year's posts went to.
  await loadDemoPostsHistory(ctx, {
    orgId: org.id,
    pressDepartmentId: departmentIds.get("Presse- und Öffentlichkeitsarbeit") ?? "",
    pressUserId: userIds.get("presse@musterstadt.example") ?? "",
    editorUserId: userIds.get("redaktion@musterstadt.example") ?? "",
    responders: [{ departmentId: null, userIds: staff("presse@musterstadt.example", "redaktion@musterstadt.example") }],
  });
  await loadDemoWebsite(ctx, {
    admin: adminActor,
    orgId: org.id,
    websiteAccountId,
    pressUserId: userIds.get("presse@musterstadt.example") ?? "",
    today: ctx.clock(),
  });
  // After the website: the decisions cite its Netiquette.
  await loadDemoModerationHistory(ctx, {
    orgId: org.id,
    moderatorUserId: userIds.get("moderation@musterstadt.example") ?? "",
    moderatorLabel: "moderation@musterstadt.example",
  });
  // The year's answers, written by the history loader, are offered as earlier answers while answering.
  await rememberEarlierAnswers(ctx.db, org.id);
  const county = await createOrganisation(ctx, {
    actor: system,
    input: { name: "Landkreis Beispiel", slug: "landkreis-beispiel", state: "NW" },
  });
  const countyAdmin = installationActorIn(county.id, system);
  await createDepartment(ctx, {
    actor: countyAdmin,
    orgId: county.id,
    input: { name: "Kreisverwaltung, Pressestelle", shortName: "PS" },
  });
  await addMemberUnchecked(ctx, {
    actor: system,
    orgId: county.id,
    input: { email: "admin@musterstadt.example", name: "Anna Admin", roles: ["administrator"] },
  });
  await addMemberUnchecked(ctx, {
    actor: system,
    orgId: county.id,
    mustChangePassword: false,
    input: {
      email: "presse@landkreis-beispiel.example",
      name: "Lena Landkreis",
      roles: ["press_office"],
      initialPassword: DEMO_PASSWORD,
    },
  });
  await loadDemoSharing(ctx, {
    county: countyAdmin,
    countyId: county.id,
    cityId: org.id,
    // Adopted by the press office, who is then told of the newer version.
    cityAdopter: installationActorIn(org.id, {
      userId: userIds.get("presse@musterstadt.example") ?? null,
      label: "presse@musterstadt.example",
    }),
    reviewBy: localDate(new Date(ctx.clock().getTime() + 300 * 86_400_000), "Europe/Berlin"),
  });
  return { created: true, logins };
}
