import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** The report folder: `ITINERA_CONTENT` when set (absolute, or relative to the project), else `content/`. */
export function resolveContentDir(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const configured = env.ITINERA_CONTENT?.trim();
  if (!configured) return resolve(projectRoot, 'content');
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}

/** The report file of a content folder (`report.yaml`, or `report.yml`), if it has one. */
export function reportFile(contentDir: string): string | undefined {
  return ['report.yaml', 'report.yml']
    .map((name) => join(contentDir, name))
    .find((path) => existsSync(path));
}
