// `npm run store:listing`: store/LISTING.md again, from store/listing.json and the built archives
// (`npm run zip && npm run zip:firefox` first; `npm run release:check` does all of it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { archives, root, zipManifest } from '../../tests/support/release';
import { listingProblems, readListing, renderListing } from './listing';

const manifests = [zipManifest(archives.chrome), zipManifest(archives.firefox)];
const listing = readListing(root);
writeFileSync(join(root, 'store', 'LISTING.md'), renderListing(listing, manifests));
console.log('wrote store/LISTING.md');
for (const problem of listingProblems(listing, manifests)) console.log(`✘ ${problem}`);
