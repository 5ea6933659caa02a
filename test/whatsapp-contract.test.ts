// The connector contract for WhatsApp Business against the fake Cloud API (test/peers/whatsapp, written from Meta's
// reference: no real server of Meta's can run here). The Cloud API has no endpoint listing received messages, so
// citizens' messages reach the connector as Meta's signed webhook deliveries through its webhook parse; an answer
// is "in the network's thread" when the fake received it as a reply (context.message_id) to the citizen's message.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createWhatsAppConnector } from "../src/channels/whatsapp/whatsappConnector.js";
import { ConnectorError, type OutgoingReply } from "../src/domain/connector.js";
import { connectorContract } from "./contract/connectorContract.js";
import { startFakeGraphApi } from "./peers/whatsapp/fakeGraphApi.js";
import { LOCAL_NETWORK_SERVERS } from "./support/localNetworks.js";

connectorContract("WhatsApp Business (fake Cloud API)", async () => {
  const meta = await startFakeGraphApi();
  const make = () => createWhatsAppConnector({ networkServers: LOCAL_NETWORK_SERVERS });
  const account = {
    id: randomUUID(),
    orgId: randomUUID(),
    settings: { serverUrl: meta.url, phoneNumberId: meta.phoneNumberId },
    credentials: { accessToken: meta.token },
  };
  return {
    connector: make(),
    account,
    countPublished: async () => 0,
    citizenDelivers: async (text) => {
      const delivery = meta.customerWrites({ from: "4915112345678", name: "Erika Mustermann", text, at: new Date() });
      return {
        body: Buffer.from(delivery.body),
        headers: { "x-hub-signature-256": delivery.signature },
        secret: meta.appSecret,
      };
    },
    threadTexts: async (messageId) => meta.sent.filter((m) => m.contextId === messageId).map((m) => m.text ?? ""),
    answerFiles: async (messageId) =>
      meta.sent
        .filter((m) => m.contextId === messageId && m.media)
        .map((m) => ({ content: m.media?.content ?? Buffer.alloc(0), text: m.media?.caption ?? "" })),
    revokeCredentials: async () => meta.expireToken(),
    exhaustRateLimit: async () => {
      const lift = meta.throttle();
      return async () => lift();
    },
    restart: make,
    close: () => meta.close(),
  };
});

describe("the WhatsApp connector against the fake Cloud API", () => {
  async function setUp() {
    const meta = await startFakeGraphApi();
    const connector = createWhatsAppConnector({ networkServers: LOCAL_NETWORK_SERVERS });
    const account = {
      id: randomUUID(),
      orgId: randomUUID(),
      settings: { serverUrl: meta.url, phoneNumberId: meta.phoneNumberId },
      credentials: { accessToken: meta.token },
    };
    const reply = (text: string, extra: Partial<Pick<OutgoingReply, "citizenLastWroteAt" | "template">> = {}) =>
      connector.reply?.(account, {
        idempotencyKey: randomUUID(),
        orgId: account.orgId,
        threadExternalId: "4915112345678",
        inReplyToExternalId: "wamid.citizen",
        toHandle: "4915112345678",
        text,
        ...extra,
      });
    return { meta, connector, account, reply };
  }

  it("takes Meta's refusal of a free answer outside the window (131047) for a permanent one, in draht's words", async () => {
    const { meta, reply } = await setUp();
    // The citizen never wrote (as far as Meta knows): Meta refuses, the connector did not know when they wrote.
    const error = await reply("Guten Tag!")?.catch((e: unknown) => e);
    await meta.close();
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "permanent", status: 400 });
    expect((error as Error).message).toContain("Nachrichtenvorlage");
    expect(meta.sent).toEqual([]);
  });

  it("refuses a free answer before calling Meta when the citizen last wrote 24 hours ago or more", async () => {
    const { meta, reply } = await setUp();
    const before = meta.requests;
    const error = await reply("Zu spät", { citizenLastWroteAt: new Date(Date.now() - 24 * 3_600_000) })?.catch(
      (e: unknown) => e,
    );
    await meta.close();
    expect(error).toMatchObject({ kind: "permanent", status: null });
    expect(meta.requests).toBe(before);
  });

  it("lists the approved templates of the business account over several pages, never a rejected one", async () => {
    const { meta, connector, account } = await setUp();
    // No business account id: nowhere to list templates, Meta is not asked.
    const before = meta.requests;
    expect(await connector.messageTemplates?.(account)).toEqual([]);
    expect(meta.requests).toBe(before);
    for (let i = 0; i < 220; i++)
      meta.templates.push({
        id: String(1200000000000000 + i),
        name: `hinweis_${i}`,
        language: "de",
        status: i % 2 === 0 ? "APPROVED" : "PENDING",
        category: "UTILITY",
        components: [{ type: "BODY", text: `Hinweis {{1}} Nummer ${i}` }],
      });
    const listed = await connector.messageTemplates?.({
      ...account,
      settings: { ...account.settings, businessAccountId: meta.businessAccountId },
    });
    await meta.close();
    const approved = meta.templates.filter((t) => t.status === "APPROVED").map((t) => t.name);
    expect(approved.length).toBeGreaterThan(100); // more than one page of 100
    expect(listed?.map((t) => t.name)).toEqual(approved);
    expect(listed?.find((t) => t.name === "hinweis_0")).toEqual({
      name: "hinweis_0",
      language: "de",
      category: "UTILITY",
      body: "Hinweis {{1}} Nummer 0",
      parameters: 1,
    });
  });

  it("sends an approved template outside the window, and takes Meta's refusal of an unknown one as permanent", async () => {
    const { meta, reply } = await setUp();
    const late = new Date(Date.now() - 48 * 3_600_000);
    const send = (name: string, parameters: string[]) =>
      reply("gefüllter Text", { citizenLastWroteAt: late, template: { name, language: "de", parameters } });
    const sent = await send("antwort_anliegen", ["Herr Meier", "Ihr Ausweis"]);
    const refused = await send("werbung_sommerfest", [])?.catch((e: unknown) => e);
    await meta.close();
    expect(meta.sent).toEqual([
      expect.objectContaining({
        id: sent?.externalId,
        type: "template",
        template: "antwort_anliegen",
        templateLanguage: "de",
        templateParameters: ["Herr Meier", "Ihr Ausweis"],
        media: null,
      }),
    ]);
    expect(refused).toMatchObject({ kind: "permanent", status: 404 });
  });

  it("refuses a server on a private address unless the installation trusts it, before connecting", async () => {
    const connector = createWhatsAppConnector();
    const error = await connector
      .whoAmI?.({
        id: randomUUID(),
        orgId: randomUUID(),
        settings: { serverUrl: "http://127.0.0.1:9/v26.0", phoneNumberId: "1" },
        credentials: { accessToken: "x" },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "permanent", message: "server address not allowed (not_https)" });
  });
});
