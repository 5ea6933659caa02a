import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loginMaxWaitMinutes } from "./config.js";

describe("configuration", () => {
  it("has working defaults for the embedded start", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: "./data", PUBLIC_URL: "http://localhost:3000" });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("names the variable with a wrong value", () => {
    expect(() => loadConfig({ PORT: "drei" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "drei" })).toThrow(/PORT="drei"/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ TRUST_PROXY: "maybe" })).toThrow(/TRUST_PROXY/);
  });

  it("believes forwarded client addresses only from as many proxies as configured", () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }).TRUST_PROXY).toEqual(["loopback", "linklocal", "uniquelocal"]);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    expect(() => loadConfig({ TRUST_PROXY: "2" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: "alle" })).toThrow(/TRUST_PROXY/);
  });

  it("reports every wrong variable at once", () => {
    try {
      loadConfig({ PORT: "-1", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it("reaches network servers only on public addresses over https unless private ones are allowed, by host or all", () => {
    expect(loadConfig({}).ALLOW_PRIVATE_NETWORK_SERVERS).toEqual([]);
    expect(loadConfig({ ALLOW_PRIVATE_NETWORK_SERVERS: "true" }).ALLOW_PRIVATE_NETWORK_SERVERS).toEqual(["*"]);
    expect(loadConfig({ ALLOW_PRIVATE_NETWORK_SERVERS: "false" }).ALLOW_PRIVATE_NETWORK_SERVERS).toEqual([]);
    expect(
      loadConfig({ ALLOW_PRIVATE_NETWORK_SERVERS: "localhost, Mastodon.Intern ,127.0.0.1" })
        .ALLOW_PRIVATE_NETWORK_SERVERS,
    ).toEqual(["localhost", "mastodon.intern", "127.0.0.1"]);
    expect(() => loadConfig({ ALLOW_PRIVATE_NETWORK_SERVERS: "http://localhost" })).toThrow(
      /ALLOW_PRIVATE_NETWORK_SERVERS="http:\/\/localhost"/,
    );
  });

  it("takes the longest wait after wrong passwords from LOGIN_MAX_WAIT_MINUTES, and still from its earlier name", () => {
    expect(loginMaxWaitMinutes(loadConfig({}))).toBe(15);
    expect(loginMaxWaitMinutes(loadConfig({ LOGIN_MAX_WAIT_MINUTES: "30" }))).toBe(30);
    expect(loginMaxWaitMinutes(loadConfig({ LOGIN_LOCK_MINUTES: "45" }))).toBe(45);
    expect(loginMaxWaitMinutes(loadConfig({ LOGIN_LOCK_MINUTES: "45", LOGIN_MAX_WAIT_MINUTES: "30" }))).toBe(30);
  });
});
