import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    layout: 'centered',
    controls: { expanded: true },
    // Every story must pass axe: violations fail the a11y panel, not just warn.
    a11y: { test: 'error' },
  },
};

export default preview;
