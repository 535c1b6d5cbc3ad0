// A route of the test server that answers what a form really sent.
/**
 * A stand-in for a service's route at /test/echo: answers any method with a page that
 * says which method and body it received, so that a test can prove what a real form
 * submission sent (the static server alone answers GET only).
 */
export function echoRoute() {
  return {
    name: 'fc-echo-route',
    async serve(context) {
      if (context.path !== '/test/echo') return undefined;
      let body = '';
      for await (const chunk of context.req) body += chunk;
      const text = (value) => value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      return {
        type: 'html',
        body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Écho</title></head><body><p id="method">${text(context.method)}</p><p id="body">${text(body)}</p></body></html>`,
      };
    },
  };
}
