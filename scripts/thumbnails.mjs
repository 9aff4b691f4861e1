/**
 * Small JPEG thumbnails of the credited photographs, for the about page (the originals
 * in public/images/ are up to 800 KB each, too much for a 96 px picture). Run once after
 * adding a photograph: `node scripts/thumbnails.mjs`. Uses sharp, which Astro installs
 * for its image service.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { root } from './run.mjs';

const source = path.join(root, 'public/images');
const target = path.join(source, 'thumbs');
mkdirSync(target, { recursive: true });

for (const name of readdirSync(source).filter((file) => file.endsWith('.png'))) {
  const out = path.join(target, name.replace(/\.png$/, '.jpg'));
  await sharp(path.join(source, name)).resize(192, 192, { fit: 'cover' }).jpeg({ quality: 82 }).toFile(out);
  console.log(`wrote ${path.relative(root, out)}`);
}
