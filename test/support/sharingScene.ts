// A Landkreis, two Gemeinden and their people for the tests of shared knowledge (test/sharing*.test.ts), with the
// calls they make: an article written and published, a collection, a share.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { auditEvents } from "../../src/db/schema/index.js";
import type { Role } from "../../src/domain/roles.js";
import { buildDepartment, buildMember, buildOrg } from "./factories.js";
import { type SignedIn, type TestApp, signIn } from "./testApp.js";

export const ausweis = {
  title: "Personalausweis beantragen",
  body: "## Was Sie brauchen\n\nEinen Termin im Bürgerbüro, ein biometrisches Passfoto und den alten Ausweis.",
  tags: ["ausweis"],
  reviewBy: "2027-12-01",
};

/** The helpers, bound to the test file's app (started in its beforeAll). */
export function sharingScenes(app: () => TestApp) {
  async function person(orgId: string, roles: Role[], departmentIds?: string[]) {
    const member = await buildMember(app().ctx, orgId, { roles, departmentIds: departmentIds ?? null });
    return Object.assign(await signIn(app().app, member.email, member.password), { userId: member.userId }) as Person;
  }

  async function scene() {
    const kreis = await buildOrg(app().ctx, { name: "Landkreis Musterland" });
    const gemeinde = await buildOrg(app().ctx, { name: "Gemeinde Beispielhausen" });
    const other = await buildOrg(app().ctx, { name: "Gemeinde Anderswo" });
    const buergerbuero = (await buildDepartment(app().ctx, gemeinde.id, { name: "Bürgerbüro" })).id;
    const bauamt = (await buildDepartment(app().ctx, gemeinde.id, { name: "Bauamt" })).id;
    return {
      kreis: kreis.id,
      gemeinde: gemeinde.id,
      other: other.id,
      buergerbuero,
      bauamt,
      kreisPress: await person(kreis.id, ["press_office"]),
      kreisEditor: await person(kreis.id, ["editor"]),
      gemeindeEditor: await person(gemeinde.id, ["editor"], [buergerbuero]),
      gemeindeAdmin: await person(gemeinde.id, ["administrator"]),
      otherPress: await person(other.id, ["press_office"]),
    };
  }

  async function publishedArticle(s: SharingScene, input: Record<string, unknown> = ausweis): Promise<string> {
    const created = await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/knowledge/articles`, input);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const published = await s.kreisPress.request("POST", `/api/orgs/${s.kreis}/knowledge/articles/${id}/steps`, {
      step: "publish",
    });
    expect(published.statusCode, published.body).toBe(200);
    return id;
  }

  async function collectionFor(s: SharingScene, receivers: string[] | "all"): Promise<string> {
    const created = await s.kreisPress.request(
      "POST",
      `/api/orgs/${s.kreis}/knowledge/collections`,
      receivers === "all"
        ? { title: "Bürgerservice im Kreis", audience: "all" }
        : {
            title: "Bürgerservice im Kreis",
            description: "Antworten für die Gemeinden",
            audience: "chosen",
            receiverOrgIds: receivers,
          },
    );
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  }

  async function share(s: SharingScene, collectionId: string, body: Record<string, unknown>) {
    return s.kreisPress.request("POST", `/api/orgs/${s.kreis}/knowledge/collections/${collectionId}/items`, body);
  }

  async function auditActions(orgId: string) {
    return (await app().ctx.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId))).map((e) => e.action);
  }
  return { person, scene, publishedArticle, collectionFor, share, auditActions };
}

export type Person = SignedIn & { userId: string };
export type SharingScene = Awaited<ReturnType<ReturnType<typeof sharingScenes>["scene"]>>;
