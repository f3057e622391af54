import { z } from 'astro/zod';
import { textSchema } from './shared.ts';

export const brandFonts = ['system', 'inter', 'serif'] as const;

const hexColor = z
  .string()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'write a hex colour such as "#1d4e89"');

export const brandingSchema = z.object({
  /** Logo image, relative to the report folder (SVG or PNG), shown in the header. */
  logo: z.string().optional(),
  /** Text alternative for the logo; the client's name when absent. */
  logoAlt: textSchema.optional(),
  /** Main brand colour: header, chart lines, preview cards. Adjusted when it lacks contrast. */
  primaryColor: hexColor.optional(),
  /** Second colour: links and the second chart series. Adjusted when it lacks contrast. */
  accentColor: hexColor.optional(),
  /** Typeface: the reader's system font, Inter (bundled), or a serif. */
  font: z.enum(brandFonts).default('system'),
  /** Text for the page footer, e.g. "Confidential: prepared for Passo S.p.A.". */
  footerText: textSchema.optional(),
});

export type BrandingData = z.infer<typeof brandingSchema>;
