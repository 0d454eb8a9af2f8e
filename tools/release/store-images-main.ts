// `npm run store:images`: the listing's pictures again, from the pictures in tests/screenshots/.
import { storeImages } from './store-images';

storeImages()
  .then((written) => written.forEach((p) => console.log(`wrote ${p}`)))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
