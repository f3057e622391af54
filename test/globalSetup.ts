import type { TestProject } from 'vitest/node';
import { buildSite, exampleContent } from './helpers/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the example report, built once for every test file that reads it. */
    exampleSite: string;
    /** What that build printed. */
    exampleBuildLog: string;
  }
}

export default function setup(project: TestProject) {
  const build = buildSite(exampleContent);
  if (build.status !== 0) throw new Error(`The example report did not build:\n${build.output}`);
  project.provide('exampleSite', build.outDir);
  project.provide('exampleBuildLog', build.output);
}
