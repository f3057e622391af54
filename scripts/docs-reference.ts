// `npm run docs:reference`: writes docs/reference/content.md from the JSDoc of the zod schemas.
import { writeFileSync } from 'node:fs';
import {
  contentReferenceFile,
  contentReferenceMarkdown,
} from '../src/lib/docs/contentReference.ts';

writeFileSync(contentReferenceFile(), contentReferenceMarkdown());
console.log('wrote docs/reference/content.md');
