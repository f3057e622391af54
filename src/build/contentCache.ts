import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Astro's cache of parsed content entries, in its cache folder and in `.astro/`. */
const DATA_STORE = 'data-store.json';
const FINGERPRINT = 'itinera-schema.txt';

function fingerprint(schemaDir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(schemaDir).sort())
    hash.update(name).update(readFileSync(join(schemaDir, name)));
  return hash.digest('hex');
}

/**
 * Astro reuses parsed entries of unchanged files even when the schema that parsed them changed,
 * so after an Itinera upgrade new fields would lack their defaults. Drops that cache whenever the
 * schema files differ from the last build's; returns whether it did.
 */
export function dropStaleContentCache(schemaDir: string, cacheDirs: readonly string[]): boolean {
  const current = fingerprint(schemaDir);
  const [primary] = cacheDirs;
  if (primary === undefined) return false;
  const stored = join(primary, FINGERPRINT);
  if (existsSync(stored) && readFileSync(stored, 'utf8') === current) return false;
  for (const dir of cacheDirs) rmSync(join(dir, DATA_STORE), { force: true });
  mkdirSync(primary, { recursive: true });
  writeFileSync(stored, current);
  return true;
}
