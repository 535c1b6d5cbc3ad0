// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import franceconnectElements from 'franceconnect-elements/astro';

// https://astro.build/config
export default defineConfig({
  // A production server of its own (`npm start`): HOST and PORT from the environment.
  adapter: node({ mode: 'standalone' }),
  // Writes each element's declarative shadow root into the pages' HTML.
  integrations: [franceconnectElements()],
  telemetry: false,
});
