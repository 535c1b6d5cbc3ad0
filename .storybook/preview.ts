import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Controls, the props table and each element's docs page come from the manifest
// generated from the elements' JSDoc: nothing is described twice.
setCustomElementsManifest(manifest);

/**
 * `'a' | 'b'` in the manifest becomes a choice control with those options. The manifest
 * copies a field's type as written, which is why the elements spell their unions out
 * (`'login' | 'data'`) instead of naming them (`FcButtonVariant`): a name would be a text box.
 */
const unionOptions = (type: unknown): string[] | null => {
  const text = typeof type === 'object' && type ? (type as { name?: unknown }).name : undefined;
  if (typeof text !== 'string' || !/^'[^']*'(\s*\|\s*'[^']*')+$/.test(text)) return null;
  return [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
};

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [
    (context) => {
      const argTypes = { ...context.argTypes };
      for (const [key, argType] of Object.entries(argTypes)) {
        const options = unionOptions(argType.type);
        if (options) argTypes[key] = { ...argType, options, control: { type: 'inline-radio' } };
        // An optional string (`string | undefined`) is still typed as text.
        else if ((argType.type as { name?: string } | undefined)?.name === 'string | undefined')
          argTypes[key] = { ...argType, control: { type: 'text' } };
      }
      return argTypes;
    },
  ],
  globalTypes: {
    frTheme: {
      description: 'Thème DSFR de la page (data-fr-theme sur <html>)',
      toolbar: {
        title: 'Thème',
        icon: 'mirror',
        dynamicTitle: true,
        items: [
          { value: 'system', title: 'Système (prefers-color-scheme)' },
          { value: 'light', title: 'Clair' },
          { value: 'dark', title: 'Sombre' },
        ],
      },
    },
  },
  initialGlobals: { frTheme: 'system' },
  decorators: [
    (story, context) => {
      // What a DSFR site does: the page's theme on <html>, which `theme="system"` follows.
      const theme = context.globals.frTheme as string;
      const root = document.documentElement;
      if (theme === 'light' || theme === 'dark') root.setAttribute('data-fr-theme', theme);
      else root.removeAttribute('data-fr-theme');
      root.style.colorScheme = theme === 'light' || theme === 'dark' ? theme : 'light dark';
      document.body.style.background = theme === 'dark' ? '#161616' : theme === 'light' ? '#ffffff' : 'Canvas';
      return story();
    },
  ],
  parameters: {
    // The introduction, then the elements, then the whole journey.
    options: { storySort: { order: ['Introduction', 'Éléments', 'Parcours complet'] } },
    layout: 'centered',
    controls: { expanded: true },
    // Every story must pass axe: violations fail the a11y panel, not just warn.
    a11y: { test: 'error' },
    viewport: {
      options: {
        mobile320: { name: 'Mobile 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        tablet768: { name: 'Tablette 768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
  },
};

export default preview;
