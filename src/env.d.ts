interface ImportMetaEnv {
  /** The report folder being built (set by the Itinera integration). */
  readonly ITINERA_CONTENT_DIR: string;
  /** The Astro project folder, which content file paths are relative to (set by the Itinera integration). */
  readonly ITINERA_PROJECT_ROOT: string;
  /** True in `astro build`, which writes the data downloads itself (src/build/dataFiles.ts). */
  readonly ITINERA_BUILD_WRITES_DATA_FILES: boolean;
}
