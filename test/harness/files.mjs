// The repository's files as they are on disk, for the tests of the documentation
// (test/docs.test.ts, test/examples.test.ts): the test server compiles the .ts and .tsx
// files it serves, and lists no directory.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';

const root = process.cwd();

/** `path` inside the repository (no `..`, no absolute path), else null. */
function inside(path) {
  if (typeof path !== 'string') return null;
  const full = resolve(root, path);
  return full.startsWith(root + sep) ? full : null;
}

export function fileCommands() {
  return {
    name: 'fc-file-commands',
    async executeCommand({ command, payload }) {
      // The Markdown files the package ships: README.md and the guides in docs/.
      if (command === 'fc-docs') {
        const guides = readdirSync(resolve(root, 'docs')).filter((f) => f.endsWith('.md'));
        return ['README.md', ...guides.sort().map((f) => `docs/${f}`)];
      }
      // A file's text, or null when there is no such file.
      if (command === 'fc-source') {
        const full = inside(payload?.path);
        if (!full) return null;
        try {
          return readFileSync(full, 'utf8');
        } catch {
          return null;
        }
      }
      // Runs an example Node script of examples/ (as a back end would) and answers what it printed.
      if (command === 'fc-node-example') {
        const full = inside(payload?.path);
        if (!full || !/^examples\/[\w/-]+\.mjs$/.test(payload.path)) throw new Error(`not an example script: ${payload?.path}`);
        return new Promise((done) => {
          execFile(process.execPath, [full], { timeout: 60000 }, (error, stdout, stderr) =>
            done({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
          );
        });
      }
      return undefined;
    },
  };
}
