import { REST, Routes } from "discord.js";
import { type Config, ConfigError, exitOnConfigError, loadConfig } from "../config.js";
import { isEntryPoint } from "../entry.js";
import { createLogger, type Logger } from "../logger.js";
import { type CommandDefinition, discordDefinitions } from "./definitions.js";
import { assertValidCommands } from "./validate.js";

/**
 * `npm run deploy`: registers the slash commands (the same modules the bot runs) with Discord:
 * to DISCORD_GUILD_ID when set (instant, for development), else globally (may take up to an hour
 * to show). Validates every definition first and fails loudly on a malformed one.
 */

export interface DeployResult {
  scope: "guild" | "global";
  applicationId: string;
  names: string[];
}

export async function deployCommands(
  config: Config,
  logger: Logger,
  definitions: CommandDefinition[] = discordDefinitions(),
): Promise<DeployResult> {
  assertValidCommands(definitions);
  if (!config.DISCORD_TOKEN) {
    throw new ConfigError(
      "DISCORD_TOKEN is not set: npm run deploy registers the commands with the bot's token (see .env.example).",
    );
  }
  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const applicationId =
    config.DISCORD_CLIENT_ID ??
    ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const guild = config.DISCORD_GUILD_ID;
  const route = guild
    ? Routes.applicationGuildCommands(applicationId, guild)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: definitions })) as Array<{ name: string }>;
  const names = registered.map((command) => command.name);
  logger.info(
    `Registered ${names.length} commands ${guild ? `to guild ${guild}` : "globally (may take up to an hour to appear)"}: ${names.map((name) => `/${name}`).join(" ")}`,
  );
  return { scope: guild ? "guild" : "global", applicationId, names };
}

if (isEntryPoint(import.meta.url)) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    exitOnConfigError(error);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  deployCommands(config, logger).catch((error: unknown) => {
    exitOnConfigError(error);
    logger.error("Deploy failed", error);
    process.exitCode = 1;
  });
}
