import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The corpus helper unpacks a tarball into the temporary folder and reuses that copy: only while
 * it is a copy of the same tarball. Run on a tiny tarball made here, with CORPUS_DIR and the
 * temporary folder pointed at a scratch folder.
 */
const scratch = mkdtempSync(join(tmpdir(), "dubao-corpus-test-"));
const corpus = join(scratch, "corpus");
const temp = join(scratch, "tmp");
mkdirSync(corpus);
mkdirSync(temp);
const saved = { CORPUS_DIR: process.env.CORPUS_DIR, TMPDIR: process.env.TMPDIR };
process.env.CORPUS_DIR = corpus;
process.env.TMPDIR = temp;
const { unpackedCorpus } = await import("./corpus.js");

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** Writes `<name>.tar.zst` holding `month/a.md` with the given text, stamped with the given time. */
function makeTarball(name: string, text: string, mtime: number): void {
  const source = join(scratch, "source");
  rmSync(source, { recursive: true, force: true });
  mkdirSync(join(source, "month"), { recursive: true });
  writeFileSync(join(source, "month", "a.md"), text);
  const tarball = join(corpus, `${name}.tar.zst`);
  rmSync(tarball, { force: true });
  execFileSync("bash", ["-c", `tar -C "$0" -c month | zstd -q -o "$1"`, source, tarball]);
  utimesSync(tarball, mtime, mtime);
}

const readUnpacked = (name: string) => {
  const dir = unpackedCorpus(name);
  expect(dir).toBeDefined();
  return readFileSync(join(dir as string, "month", "a.md"), "utf8");
};

describe("unpackedCorpus", () => {
  it("unpacks a tarball and reuses the copy while the tarball is the same", () => {
    makeTarball("reused", "第一版", 1_700_000_000);
    expect(readUnpacked("reused")).toBe("第一版");
    // A change to the copy shows that the second call reused it rather than unpacking again.
    const dir = unpackedCorpus("reused") as string;
    writeFileSync(join(dir, "month", "a.md"), "复用的副本");
    expect(readUnpacked("reused")).toBe("复用的副本");
  });

  it("unpacks again when the tarball changed since the copy was made", () => {
    makeTarball("changed", "第一版", 1_700_000_000);
    expect(readUnpacked("changed")).toBe("第一版");
    makeTarball("changed", "第二版，内容更长", 1_700_000_100);
    expect(readUnpacked("changed")).toBe("第二版，内容更长");
  });

  it("unpacks again when only the modification time differs", () => {
    makeTarball("touched", "同样大小甲", 1_700_000_000);
    expect(readUnpacked("touched")).toBe("同样大小甲");
    makeTarball("touched", "同样大小乙", 1_700_000_200);
    expect(readUnpacked("touched")).toBe("同样大小乙");
  });

  it("says nothing is there when the tarball is absent", () => {
    expect(unpackedCorpus("absent")).toBeUndefined();
  });
});
