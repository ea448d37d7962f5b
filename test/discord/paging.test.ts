import { describe, expect, it } from "vitest";
import { DISCORD_COMMANDS } from "../../src/discord/definitions.js";
import { PageCodec } from "../../src/discord/paging.js";

describe("paging custom ids", () => {
  const search = DISCORD_COMMANDS.get("search");
  if (!search) throw new Error("no /search");
  const owner = "300000000000000001";
  const expires = Date.UTC(2030, 0, 1);

  it("round-trips state within 100 characters", () => {
    const codec = new PageCodec();
    const id = codec.encode(
      { command: "search", owner, expires, page: 3, args: { query: "北约 NATO", limit: 20 } },
      search,
    );
    expect(id.length).toBeLessThanOrEqual(100);
    expect(codec.decode(id)).toEqual({
      command: "search",
      owner,
      expires,
      page: 3,
      args: { query: "北约 NATO", limit: 20 },
    });
  });

  it("keeps a long query in memory and still fits", () => {
    const codec = new PageCodec();
    const query = "北约东扩".repeat(50);
    const id = codec.encode(
      { command: "search", owner, expires, page: 2, args: { query } },
      search,
    );
    expect(id.length).toBeLessThanOrEqual(100);
    expect(codec.decode(id)?.args).toEqual({ query });
    expect(new PageCodec().decode(id)?.args).toBeUndefined();
  });

  it.each([
    ["garbage"],
    ["pg;nosuch;1;1;1;[]"],
    ["pg;search;1;1;0;[]"],
    ["pg;search;1;1;1;{"],
    ["pg;search;!!;1;1;[]"],
  ])("rejects %s", (id) => {
    expect(new PageCodec().decode(id)).toBeUndefined();
  });
});
