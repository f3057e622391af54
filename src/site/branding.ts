import { resolveBranding, type Branding } from '../lib/branding.ts';
import { getReport } from './report.ts';

/** The report's branding, colours made safe. */
export async function getBranding(): Promise<Branding> {
  return resolveBranding((await getReport()).data.branding);
}
