/**
 * `#react-env` under Node (the server render of React, Next.js…): an element's shadow
 * DOM as the HTML of a declarative shadow root, rendered by Lit's own server
 * renderer, @lit-labs/ssr (an optional peer dependency, needed by server rendering
 * only). The same rendering as @lit-labs/ssr-react's, without patching React: the
 * wrappers call it themselves, so no JSX setting, bundler plugin or loader is needed.
 */
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { getElementRenderer } from '@lit-labs/ssr/lib/element-renderer.js';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { RenderInfo } from '@lit-labs/ssr/lib/render-value.js';
import '../shared/proconnect-logo-now.js';

export type RenderShadow = (
  tagName: string,
  attributes: Record<string, string>,
) => { html: string; attributes: Record<string, string>; templateAttributes: Record<string, string> } | undefined;

export const renderShadow: RenderShadow = (tagName, attributes) => {
  const renderInfo: RenderInfo = {
    elementRenderers: [LitElementRenderer],
    customElementInstanceStack: [],
    customElementHostStack: [],
    eventTargetStack: [],
    slotStack: [],
    deferHydration: false,
  };
  const renderer = getElementRenderer(renderInfo, tagName);
  if (renderer.element === undefined) return undefined; // not defined here: left to the browser
  for (const [name, value] of Object.entries(attributes)) renderer.setAttribute(name, value);
  renderer.connectedCallback();
  renderInfo.customElementInstanceStack.push(renderer);
  renderInfo.customElementHostStack.push(renderer);
  const shadow = renderer.renderShadow(renderInfo);
  if (shadow === undefined) return undefined;
  const html = collectResultSync(shadow);
  // Attributes the element reflects while rendering (its own, not the author's).
  const reflected: Record<string, string> = {};
  for (const { name, value } of Array.from(renderer.element.attributes)) {
    if (!(name in attributes)) reflected[name] = value;
  }
  const { mode = 'open', delegatesFocus } = renderer.shadowRootOptions;
  return {
    html,
    attributes: reflected,
    templateAttributes: { shadowroot: mode, shadowrootmode: mode, ...(delegatesFocus ? { shadowrootdelegatesfocus: '' } : {}) },
  };
};
