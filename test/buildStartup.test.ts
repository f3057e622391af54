import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/build.ts';

/** Every module URL that importing `module` under plain Node resolves. */
function modulesLoadedBy(module: string): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const loaded = [];
    registerHooks({ resolve(specifier, context, next) {
      const result = next(specifier, context);
      loaded.push(result.url);
      return result;
    } });
    await import(${JSON.stringify(pathToFileURL(join(projectRoot, module)).href)});
    console.log(JSON.stringify(loaded));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as string[];
}

describe("the build's main thread", () => {
  // It names and looks cards up by their content hash; drawing them is the workers' job. Loading
  // the drawing libraries there cost Astro's start-up 120 ms (docs/performance.md).
  it('loads the integration without the card-drawing libraries', () => {
    const loaded = modulesLoadedBy('src/integration.ts');
    expect(loaded.some((url) => url.endsWith('/src/build/ogCards.ts'))).toBe(true);
    for (const library of [
      '/satori/',
      '/@resvg/',
      '/harfbuzzjs/',
      '/linebreak/',
      '/src/lib/og/render.ts',
    ])
      expect(loaded.filter((url) => url.includes(library))).toEqual([]);
  });
});
