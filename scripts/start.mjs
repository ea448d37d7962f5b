#!/usr/bin/env node
/**
 * `npm start`, `npm run cli`, `npm run deploy`, `npm run start:sharded`: run a compiled entry
 * point of dist/ (`node scripts/start.mjs src/main.js [args]`), building first when dist/ is
 * missing or older than the sources. Without TypeScript (`npm ci --omit=dev`) it runs the
 * existing build as it is, and says so when there is none.
 */
import { existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, DIST, findCompiler, staleness } from "./build.mjs";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write(
    "usage: node scripts/start.mjs <entry under dist, e.g. src/main.js> [args]\n",
  );
  process.exit(2);
}

const why = staleness();
if (why) {
  if (findCompiler()) {
    process.stderr.write(`Building dist/ first: ${why}…\n`);
    const started = Date.now();
    const status = build();
    if (status !== 0) {
      process.stderr.write("The build failed: see the TypeScript errors above.\n");
      process.exit(status);
    }
    process.stderr.write(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } else if (existsSync(join(DIST, entry))) {
    process.stderr.write(
      `Note: dist/ may be out of date (${why}), and TypeScript is not installed to rebuild it ` +
        "(npm ci --omit=dev): running it as it is.\n",
    );
  } else {
    process.stderr.write(
      `Cannot start: dist/${entry} is missing and TypeScript is not installed to build it ` +
        "(dependencies installed with --omit=dev). Build first: npm ci && npm run build, then " +
        "npm prune --omit=dev if you want a lean install.\n",
    );
    process.exit(1);
  }
}

// The entry runs as if started directly (`node dist/src/main.js args`): it checks argv[1] to
// know it is the main module, and reads its options from argv.
// Its real path: Node gives the module its real path as import.meta.url.
const script = realpathSync(join(DIST, entry));
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(script).href);
