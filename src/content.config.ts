/**
 * Content collections. Lessons are MDX files in the top-level `content/lessons/` folder,
 * one sub-folder per language (`content/lessons/en/convolution.mdx`), so authors never
 * need to open `src/`.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { lessonSchema } from './site/lesson-schema.ts';
import { assertLessonSet } from './site/lesson-checks.ts';

/**
 * The glob loader, followed by the cross-file checks: a lesson missing in one language,
 * or out of step with the catalog, stops the build with a message naming the file.
 */
function lessonLoader(): Loader {
  const files = glob({ pattern: '*/*.mdx', base: './content/lessons' });
  return {
    name: 'convlab-lessons',
    load: async (context) => {
      await files.load(context);
      assertLessonSet(
        context.store.values().map((entry) => ({ id: entry.id, order: Number(entry.data.order) })),
      );
    },
  };
}

/** The lesson collection; see `src/site/lesson-schema.ts` for the frontmatter fields. */
const lessons = defineCollection({ loader: lessonLoader(), schema: lessonSchema });

export const collections = { lessons };
