import { isAbsolute, resolve } from 'node:path';

/** The report folder: `ITINERA_CONTENT` when set (absolute, or relative to the project), else `content/`. */
export function resolveContentDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ITINERA_CONTENT?.trim();
  if (!configured) return resolve(projectRoot, 'content');
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}
