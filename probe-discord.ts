import { Archive } from "./src/articles/archive.js";
import { DISCORD_COMMANDS } from "./src/discord/definitions.js";
import { commandReply } from "./src/discord/paging.js";
import { EMBED_LIMITS, embedLength } from "./src/discord/render.js";
import { createLogger } from "./src/logger.js";
import { isUserError, describeError } from "./src/errors.js";
import { LOCALES } from "./src/app/i18n.js";

const archive = await Archive.load({ root: "/work/corpus/month", cacheDir: "/tmp/ux7/cache", logger: createLogger("warn") });
const cases: Array<[string, Record<string, string | number>]> = JSON.parse(process.argv[2] ?? "[]");
for (const [name, args] of cases) {
  const command = DISCORD_COMMANDS.get(name)!;
  for (const locale of [(process.env.LOC ?? "zh-CN") as "zh-CN"]) {
    let page = 1;
    let pages = 1;
    do {
      try {
        const reply = commandReply(command, archive, locale, args, page);
        pages = reply.pages;
        const e = reply.view.embed;
        const problems: string[] = [];
        if ((e.title ?? "").length > EMBED_LIMITS.title) problems.push(`title ${e.title?.length}`);
        if ((e.description ?? "").length > EMBED_LIMITS.description) problems.push("desc");
        if (embedLength([e]) > EMBED_LIMITS.total) problems.push("total");
        for (const l of reply.view.links) if (l.label.length > 80) problems.push("label");
        for (const a of reply.view.asks ?? []) if (a.label.length > 80) problems.push("asklabel");
        if (page === 1 || problems.length) {
          console.log(`== /${name} ${JSON.stringify(args)} p${page}/${pages} ${problems.join(",")}`);
          console.log(`TITLE: ${e.title}`);
          console.log((e.description ?? "").slice(0, Number(process.env.DESC ?? 600)));
          if (e.footer) console.log(`FOOTER: ${e.footer.text}`);
          console.log(`LINKS: ${reply.view.links.map((l) => l.label).join(" | ")}  ASKS: ${(reply.view.asks ?? []).map((a) => a.label).join(" | ")}`);
        }
      } catch (error) {
        console.log(`== /${name} ${JSON.stringify(args)} p${page} ERROR: ${isUserError(error) ? describeError(error, locale).join("\n") : (error as Error).stack}`);
        break;
      }
      page++;
    } while (page <= pages && process.env.ALL);
  }
}
