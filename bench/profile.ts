import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the time goes in a `node --cpu-prof` run: self time by function and by module (a file
 * of the project, or a package under node_modules), one summary per thread profile.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Which run was profiled (set by the caller). */
  scenario?: string;
  /** "main" or "worker N" (the thread id in the profile's file name). */
  thread: string;
  totalMs: number;
  /** Sampled time not idle. */
  busyMs: number;
  /** Whether any sampled frame is the project's code (src/, commands/). */
  projectCode: boolean;
  functions: Array<{ name: string; ms: number }>;
  modules: Array<{ name: string; ms: number }>;
}

function moduleOf(url: string, projectRoot: string): string {
  if (!url) return "(native / V8)";
  let path = url;
  if (url.startsWith("file://")) path = fileURLToPath(url);
  else if (url.startsWith("node:")) return "node: built-ins";
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return `node_modules/${inModules[1]}`;
  return relative(projectRoot, path) || path;
}

export function summarizeProfile(file: string, projectRoot: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const [id, ms] of self) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    totalMs += ms;
    if (frame.functionName === "(idle)") idleMs += ms;
    const where = moduleOf(frame.url, projectRoot);
    // No line numbers: under tsx they are those of the transpiled code, not of the source.
    const name = frame.url
      ? `${frame.functionName || "(anonymous)"} (${where})`
      : frame.functionName || "(anonymous)";
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const module = frame.url ? where : frame.functionName || "(native / V8)";
    modules.set(module, (modules.get(module) ?? 0) + ms);
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms }));
  // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile
  const threadId = /\.(\d+)\.\d+\.cpuprofile$/.exec(file)?.[1] ?? "?";
  return {
    file,
    thread: threadId === "0" ? "main" : `worker ${threadId}`,
    totalMs,
    busyMs: totalMs - idleMs,
    projectCode: [...modules.keys()].some((name) => /^(src|commands)\//.test(name)),
    functions: ranked(functions),
    modules: ranked(modules),
  };
}

/**
 * The profiles of a run's threads that ran the project's code, main thread first (under
 * `--import tsx`, the module loader's hooks threads are left out).
 */
export function summarizeProfiles(dir: string, projectRoot: string): ProfileSummary[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"));
  } catch {
    return [];
  }
  return files
    .map((name) => summarizeProfile(join(dir, name), projectRoot))
    .filter((profile) => profile.thread === "main" || profile.projectCode)
    .sort((a, b) => (a.thread === "main" ? -1 : b.thread === "main" ? 1 : b.totalMs - a.totalMs));
}
