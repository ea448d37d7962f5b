import { parentPort } from "node:worker_threads";
import { type ChunkOptions, type FileJob, loadChunk } from "./loader.js";

/**
 * A worker thread of `loadArticles`: receives chunks of files, reads and parses them, and
 * sends back what became of each (an article, or the reason the file was skipped).
 */
parentPort?.on(
  "message",
  async (message: { start: number; jobs: FileJob[]; options: ChunkOptions }) => {
    const outcomes = await loadChunk(message.jobs, message.options);
    parentPort?.postMessage({ start: message.start, outcomes });
  },
);
