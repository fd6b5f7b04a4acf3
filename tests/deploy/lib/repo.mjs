// Paths and facts about the source tree the deploy checks share.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const sourceDir = process.env.ML_SOURCE_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const read = (relative) => readFileSync(path.join(sourceDir, relative), "utf8");

/// The four services; each is a binary of the same name and has docs/configuration-<name>.md.
export const services = ["shipstation-ingest", "reconciler", "qbxml-writer", "qbwc-gateway"];

/// Every `ML_…` key documented for `program`: the common keys (docs/service.md,
/// docs/configuration.md) and the program's own page. Null when its page does not exist yet.
export function documentedKeys(program) {
  const own = `docs/configuration-${program}.md`;
  if (!existsSync(path.join(sourceDir, own))) return null;
  const keys = new Set();
  for (const page of ["docs/service.md", "docs/configuration.md", own])
    for (const match of read(page).matchAll(/`(ML_[A-Z0-9_]+)`/g)) keys.add(match[1]);
  return keys;
}
