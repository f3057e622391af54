import { translator, type Translate } from '../lib/i18n/index.ts';
import { getReport } from './report.ts';

/** Interface text in the report's language. */
export async function getTranslator(): Promise<Translate> {
  return translator((await getReport()).data.locale);
}
