import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  // The introduction first: Storybook opens on it.
  stories: ['../stories/introduction.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // No network here, and no reason to phone home anywhere.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // vite.config.ts describes the library build; Storybook builds an app.
    if (config.build) {
      delete config.build.lib;
      delete config.build.rollupOptions;
      config.build.outDir = undefined;
    }
    return config;
  },
};

export default config;
