/**
 * The middleware of `franceconnect-elements/astro` (./index.ts adds it): the body of
 * each HTML page goes through franceconnect-elements/ssr, which writes each element's
 * declarative shadow root inside its tag, the rest of the page left as it was.
 */
import { renderToString } from '../ssr/index.js';

type Next = () => Promise<Response>;

const BODY = /(<body\b[^>]*>)([\s\S]*)(<\/body>)/i;

export async function onRequest(_context: unknown, next: Next): Promise<Response> {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const page = await response.text();
  const body = BODY.exec(page);
  if (!body || !body[2].includes('<fc-')) return new Response(page, response);
  let rendered: string;
  try {
    rendered = await renderToString(body[2]);
  } catch (error) {
    // A problem in the markup (an unknown attribute, a refused href…): the page is sent
    // as written, the problem on the server's console; its elements then render in the
    // browser, where they warn too and fall back to compliant defaults.
    console.error(`franceconnect-elements/astro: this page is sent without its elements' server rendering:\n${(error as Error).message}`);
    return new Response(page, response);
  }
  const html = page.slice(0, body.index) + body[1] + rendered + body[3] + page.slice(body.index + body[0].length);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}
