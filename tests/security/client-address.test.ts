import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, requestClientAddress, trustList } from "@/lib/request/client-address";
import { isAddressOrRange } from "@/lib/request/address-syntax";

/*
 * Finding 4 of the hostile test: the sign-in throttle keyed addresses on X-Forwarded-For as
 * the client sent it, so a new value per try was never throttled and a chosen value locked
 * someone else out. The address is now the socket's, and X-Forwarded-For counts only as far as
 * configured trusted proxies wrote it.
 */

const none = trustList([]);
const local = trustList(["127.0.0.1", "::1"]);

describe("clientAddress", () => {
  it("is the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socket: "198.51.100.7", forwardedFor: "203.0.113.9" }, none)).toBe("198.51.100.7");
    expect(clientAddress({ socket: "::ffff:198.51.100.7", forwardedFor: "203.0.113.9, 10.0.0.1" }, none)).toBe("198.51.100.7");
    expect(clientAddress({ socket: "127.0.0.1", forwardedFor: "203.0.113.9" }, none)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, is the hop that proxy saw, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 203.0.113.9"; the proxy appended the real peer.
    expect(clientAddress({ socket: "127.0.0.1", forwardedFor: "203.0.113.9, 198.51.100.7" }, local)).toBe("198.51.100.7");
    expect(clientAddress({ socket: "::1", forwardedFor: ["203.0.113.9", "198.51.100.7, 127.0.0.1"] }, local)).toBe("198.51.100.7");
  });

  it("trusts ranges, and stops at a malformed hop", () => {
    const lan = trustList(["10.0.0.0/8", "fd00::/8"]);
    expect(clientAddress({ socket: "10.1.2.3", forwardedFor: "198.51.100.7, 10.9.9.9" }, lan)).toBe("198.51.100.7");
    expect(clientAddress({ socket: "fd00::5", forwardedFor: "2001:db8::1" }, lan)).toBe("2001:db8::1");
    expect(clientAddress({ socket: "10.1.2.3", forwardedFor: "198.51.100.7, not-an-ip" }, lan)).toBe("10.1.2.3");
    expect(clientAddress({ socket: "10.1.2.3", forwardedFor: "" }, lan)).toBe("10.1.2.3");
  });

  it("without a socket address, is 'unknown'", () => {
    expect(clientAddress({ socket: null, forwardedFor: "203.0.113.9" }, local)).toBe("unknown");
    expect(clientAddress({ socket: "garbage", forwardedFor: "203.0.113.9" }, local)).toBe("unknown");
  });

  it("normalizes the forms a socket reports", () => {
    expect(normalizeAddress("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("1.2.3.4:80")).toBeNull();
  });

  it("MASTHEAD_TRUSTED_PROXIES accepts addresses and ranges only", () => {
    for (const ok of ["127.0.0.1", "::1", "10.0.0.0/8", "2001:db8::/32"]) expect(isAddressOrRange(ok)).toBe(true);
    for (const bad of ["localhost", "10.0.0.0/33", "1.2.3.4/", "::/129", "1.2.3.4/8/9", "*"]) expect(isAddressOrRange(bad)).toBe(false);
  });
});

describe("requestClientAddress", () => {
  const holder = globalThis as { __mastheadSocketToken?: string };

  it("believes the socket header only with this process's token", () => {
    holder.__mastheadSocketToken = "secret-token";
    const forged = { "x-masthead-socket-address": "203.0.113.9", "x-masthead-socket-token": "guess", "x-forwarded-for": "203.0.113.10" };
    expect(requestClientAddress(forged)).toBe("unknown");
    const real = new Headers({ "x-masthead-socket-address": "198.51.100.7", "x-masthead-socket-token": "secret-token", "x-forwarded-for": "203.0.113.10" });
    expect(requestClientAddress(real)).toBe("198.51.100.7");
    delete holder.__mastheadSocketToken;
    expect(requestClientAddress(real)).toBe("unknown");
  });
});
