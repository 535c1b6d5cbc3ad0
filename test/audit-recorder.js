// Loaded first by a page that a WebKit test audits (test/helpers.ts, auditPage, through
// the fc-audit-recorder plugin in web-test-runner.config.mjs): records what Chromium's
// and Firefox's drivers report as console errors and page errors, which WebDriver
// classic cannot.
window.__fcAuditErrors = [];
const record = (text) => window.__fcAuditErrors.push(text);
const error = console.error.bind(console);
console.error = (...args) => {
  record(`console: ${args.map(String).join(' ')}`);
  error(...args);
};
window.addEventListener('error', (event) => {
  if (event instanceof ErrorEvent) record(`page error: ${event.message}`);
});
window.addEventListener('unhandledrejection', (event) => record(`page error: ${event.reason}`));
