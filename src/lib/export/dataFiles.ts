/**
 * The files behind the "Download data" links: each table of `downloadTables` as CSV and as JSON,
 * at the path its links use. The dev server serves them from a route; a build writes them itself
 * (src/build/dataFiles.ts).
 */
import { tableFormats } from '../paths.ts';
import { tableToCsv, tableToJson, type DataTable } from './tableModel.ts';

export type TableFormat = (typeof tableFormats)[number];

/** One download file: its path from the site's root (`data/….csv`), its format and its table. */
export interface DataFile {
  path: string;
  format: TableFormat;
  table: DataTable;
}

const writers: Record<TableFormat, (table: DataTable) => string> = {
  csv: tableToCsv,
  json: tableToJson,
};

/** The `Content-Type` each format is served with. */
export const dataFileContentTypes: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Every file of the downloads (paths without extension, as `downloadTables` gives them). */
export function dataFilesOf(downloads: readonly { path: string; table: DataTable }[]): DataFile[] {
  return downloads.flatMap(({ path, table }) =>
    tableFormats.map((format) => ({ path: `${path}.${format}`, format, table })),
  );
}

/** A download file's text. */
export const dataFileText = (file: DataFile): string => writers[file.format](file.table);
