import { describe, expect, it } from "vitest";
import { throttleAddressOf } from "./clientAddress.js";

describe("the address a client is counted under", () => {
  it("is an IPv4 address itself", () => {
    expect(throttleAddressOf("198.51.100.7")).toBe("198.51.100.7");
  });

  it("is the IPv4 address an IPv4-mapped IPv6 address carries", () => {
    expect(throttleAddressOf("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(throttleAddressOf("::FFFF:c633:6407")).toBe("198.51.100.7");
  });

  it("is the /64 network of an IPv6 address, however it is written", () => {
    const network = "2001:db8:1:2::/64";
    for (const address of ["2001:db8:1:2::1", "2001:db8:1:2::28", "2001:0db8:0001:0002:ffff:ffff:ffff:ffff"])
      expect(throttleAddressOf(address)).toBe(network);
    expect(throttleAddressOf("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(throttleAddressOf("fe80::1%eth0")).toBe("fe80::/64");
  });

  it("leaves a string that is no IP address as it is", () => {
    expect(throttleAddressOf("unix-socket")).toBe("unix-socket");
  });
});
