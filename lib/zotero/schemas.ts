/**
 * Zotero's answers, parsed as untrusted input (the port may hold another program, or an old or
 * future Zotero): only what Papertab reads, each field bounded.
 */
import * as v from 'valibot';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** POST /connector/ping: the user's Zotero prefs. Unknown keys are ignored (they grow per version). */
export const PingPrefsSchema = v.object({
  supportsAttachmentUpload: v.optional(v.boolean()),
  downloadAssociatedFiles: v.optional(v.boolean()),
});

/** A save target in Zotero's left pane: `L1` (a library) or `C12` (a collection), in tree order. */
export const TargetSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[LC]\d{1,12}$/)),
  name: text(500),
  level: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
  filesEditable: v.optional(v.boolean()),
});
export type Target = v.InferOutput<typeof TargetSchema>;

/** POST /connector/getSelectedCollection. */
export const SelectedSchema = v.object({
  libraryID: v.pipe(v.number(), v.integer()),
  libraryName: text(500),
  libraryEditable: v.optional(v.boolean()),
  filesEditable: v.optional(v.boolean()),
  id: v.nullish(v.pipe(v.number(), v.integer())),
  name: text(500),
  targets: v.optional(v.pipe(v.array(TargetSchema), v.maxLength(100_000)), []),
});
export type Selected = v.InferOutput<typeof SelectedSchema>;

/** One item of the local API (`/api/users/0/items…`): only the fields that identify an arXiv paper. */
export const LocalItemSchema = v.object({
  key: text(16),
  data: v.object({
    itemType: text(64),
    title: v.optional(text(5000)),
    url: v.optional(text(5000)),
    DOI: v.optional(text(500)),
    archiveID: v.optional(text(500)),
    extra: v.optional(text(50_000)),
    creators: v.optional(
      v.pipe(
        v.array(
          v.object({ firstName: v.optional(text(500)), lastName: v.optional(text(500)), name: v.optional(text(1000)) }),
        ),
        v.maxLength(10_000),
      ),
    ),
    date: v.optional(text(200)),
    abstractNote: v.optional(text(100_000)),
  }),
});
export type LocalItem = v.InferOutput<typeof LocalItemSchema>;
export const LocalItemsSchema = v.pipe(v.array(LocalItemSchema), v.maxLength(200_000));

/** One collection of the local API. */
export const LocalCollectionSchema = v.object({
  key: text(16),
  data: v.object({ name: text(500), parentCollection: v.optional(v.union([v.literal(false), text(16)])) }),
  meta: v.optional(v.object({ numItems: v.optional(v.number()) })),
});
export type LocalCollection = v.InferOutput<typeof LocalCollectionSchema>;
export const LocalCollectionsSchema = v.pipe(v.array(LocalCollectionSchema), v.maxLength(100_000));
