// A click as a person makes it, in jsdom: a trusted event (`isTrusted` true), as the browser fires
// for a mouse click or for Enter/Space on a focused button. A script's `el.click()` or
// `dispatchEvent` is untrusted, in jsdom as in browsers, so tests of code that acts only on
// trusted input need this. It uses jsdom's own "fire an event" (how jsdom fires its trusted
// events), loaded from the same module instance as the test environment's jsdom.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** jsdom's implementation object behind a DOM object (what its internals take). */
type Impl = object;
type FireAnEvent = (type: string, target: Impl, eventInterface: unknown, init: MouseEventInit) => boolean;
const { fireAnEvent } = require('jsdom/lib/jsdom/living/helpers/events.js') as { fireAnEvent: FireAnEvent };
const { implForWrapper } = require('jsdom/lib/generated/idl/utils.js') as { implForWrapper(el: Element): Impl };
const MouseEventInterface: unknown = require('jsdom/lib/generated/idl/MouseEvent.js');

export function userClick(el: Element): void {
  const init = { bubbles: true, cancelable: true, composed: true, detail: 1 };
  fireAnEvent('click', implForWrapper(el), MouseEventInterface, init);
}
