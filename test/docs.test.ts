import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

// The README and every guide in docs/ show code that works because each code block is a
// copy of a file the tests open (examples/plain, examples/react, examples/vue, the
// framework pages, test pages...): a block says which, on the line above it,
//
//   <!-- copy of examples/plain/login.html -->
//
// and here it must still be found in that file, in order, with the same indentation
// relative to its first line. A line that is only an ellipsis in a comment (`// …`,
// `<!-- … -->`, `{/* … */}`, `# …`) stands for lines left out. Shell blocks (`sh`) are
// commands, not pages: each `npm run <script>` must be a script of package.json, and each
// `npx franceconnect-…` one of its commands. Any other block fails.

interface Block {
  doc: string;
  line: number;
  lang: string;
  source: string | null;
  lines: string[];
}

/** The Markdown files the package ships (README.md, docs/*.md), from the test server. */
const documents = () => executeServerCommand<string[], undefined>('fc-docs');
/** A file of the repository as it is on disk (the test server compiles .ts files it serves). */
const source = (path: string) => executeServerCommand<string | null, { path: string }>('fc-source', { path });

function blocks(doc: string, text: string): Block[] {
  const found: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = lines[i].match(/^```(\S*)\s*$/);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]); i += 1) body.push(lines[i]);
    const marker = start > 0 ? lines[start - 1].match(/^<!-- copy of (\S+) -->$/) : null;
    found.push({ doc, line: start + 1, lang: open[1], source: marker ? marker[1] : null, lines: body });
  }
  return found;
}

const ELISION = /^\s*(?:\/\/ …|<!-- … -->|\{\/\* … \*\/\}|\/\* … \*\/|# …|…)\s*$/;

/** The block's lines, cut at its elisions, each chunk with its common indentation removed. */
function chunks(lines: string[]): string[][] {
  const parts: string[][] = [[]];
  for (const line of lines) {
    if (ELISION.test(line)) parts.push([]);
    else parts[parts.length - 1].push(line.trimEnd());
  }
  return parts.filter((p) => p.length);
}

/**
 * Where `chunk` starts in `file` at or after `from`: the line at which every line of the
 * chunk follows, each with the same extra indentation. -1 when nowhere.
 */
function find(file: string[], chunk: string[], from: number): number {
  for (let i = from; i + chunk.length <= file.length; i += 1) {
    const first = file[i];
    if (!first.endsWith(chunk[0])) continue;
    const indent = first.slice(0, first.length - chunk[0].length);
    if (indent.trim()) continue;
    if (chunk.every((line, j) => (line === '' ? file[i + j] === '' : file[i + j] === indent + line))) return i;
  }
  return -1;
}

/** Why the block is not a copy of its file, or null when it is. */
async function drift(block: Block): Promise<string | null> {
  const text = await source(block.source!);
  if (text === null) return `${block.source} does not exist`;
  const file = text.split('\n').map((l) => l.trimEnd());
  let from = 0;
  for (const chunk of chunks(block.lines)) {
    const at = find(file, chunk, from);
    if (at < 0) {
      // The first line of the chunk that the file does not have, in this order.
      let good = 0;
      while (good < chunk.length && find(file, chunk.slice(0, good + 1), from) >= 0) good += 1;
      return `from "${chunk[good] ?? chunk[0]}" on, the block is not in ${block.source}`;
    }
    from = at + chunk.length;
  }
  return null;
}

const where = (b: Block) => `${b.doc}:${b.line}`;

/**
 * The anchors a Markdown page offers: its headings as GitHub and npm name them
 * (lower case, punctuation dropped, spaces as hyphens), and explicit `<a id>`s.
 */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const [, heading] of markdown.matchAll(/^#{1,6} +(.+?) *$/gm)) {
    found.add(heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) found.add(id);
  return found;
}

/** `target` (a relative link of `doc`) as a path from the repository's root. */
function resolveLink(doc: string, target: string): string {
  const url = new URL(target, `http://repository/${doc}`);
  return decodeURIComponent(url.pathname.slice(1));
}

describe('the README and the guides show code the tests run', () => {
  it('the Markdown files found: README.md and the guides in docs/', async () => {
    const docs = await documents();
    expect(docs).to.include('README.md');
    expect(docs).to.include('docs/warnings.md');
    expect(docs.length).to.be.greaterThan(10);
  });

  it('every code block is a copy of a file the tests open (examples/, test/), or shell commands', async () => {
    const problems: string[] = [];
    for (const doc of await documents()) {
      for (const block of blocks(doc, (await source(doc))!)) {
        if (block.source) {
          if (!/^(examples|test)\//.test(block.source)) problems.push(`${where(block)}: ${block.source} is not a page the tests open`);
          else {
            const why = await drift(block);
            if (why) problems.push(`${where(block)}: ${why}`);
          }
        } else if (block.lang !== 'sh') {
          problems.push(`${where(block)}: a \`\`\`${block.lang} block without "<!-- copy of <file> -->" on the line above`);
        }
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('every command a shell block shows exists: npm scripts and the package’s own commands', async () => {
    type Manifest = { scripts: Record<string, string>; bin: Record<string, string>; workspaces?: string[] };
    const pkg = JSON.parse((await source('package.json'))!) as Manifest;
    // The commands of this repository's other packages (npm workspaces: franceconnect-rehearse) count too.
    const bins = { ...pkg.bin };
    for (const workspace of pkg.workspaces ?? []) Object.assign(bins, (JSON.parse((await source(`${workspace}/package.json`))!) as Manifest).bin);
    const problems: string[] = [];
    for (const doc of await documents()) {
      for (const block of blocks(doc, (await source(doc))!).filter((b) => b.lang === 'sh')) {
        const text = block.lines.join('\n');
        for (const [, run, script] of text.matchAll(/\bnpm (run )?([\w:-]+)/g)) {
          if (!run && ['ci', 'install'].includes(script)) continue;
          if (!(script in pkg.scripts)) problems.push(`${where(block)}: npm ${run ?? ''}${script} is not a script of package.json`);
        }
        for (const [, bin] of text.matchAll(/\bnpx (franceconnect-[\w-]+)/g)) {
          if (!(bin in bins)) problems.push(`${where(block)}: npx ${bin} is not a command of the package or its workspaces`);
        }
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('every relative link leads to a file that exists, and to a heading that exists', async () => {
    const problems: string[] = [];
    for (const doc of await documents()) {
      const text = (await source(doc))!.replace(/^```[\s\S]*?^```/gm, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [file, anchor] = target.split('#');
        const path = file ? resolveLink(doc, file) : doc;
        const linked = await source(path);
        if (linked === null) {
          problems.push(`${doc}: ${target}: no file ${path}`);
          continue;
        }
        if (anchor && path.endsWith('.md') && !anchors(linked).has(anchor)) problems.push(`${doc}: ${target}: no heading #${anchor} in ${path}`);
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('a block that drifts from its file fails (a changed line, a line out of order)', async () => {
    const login = { doc: 'test', line: 1, lang: 'html', source: 'examples/plain/login.html' };
    const copy = await drift({ ...login, lines: ['<fc-login-block section="connexion" href="/auth/franceconnect/login">', '  <form class="local" action="/session" method="post">'] });
    expect(copy).to.equal(null);
    const changed = await drift({ ...login, lines: ['<fc-login-block section="inscription" href="/auth/franceconnect/login">'] });
    expect(changed).to.contain('section="inscription"');
    const reordered = await drift({ ...login, lines: ['<h1>Connexion</h1>', '<!-- … -->', '<title>Connexion – Mon service public</title>'] });
    expect(reordered).to.contain('<title>');
    const elided = await drift({ ...login, lines: ['<title>Connexion – Mon service public</title>', '<!-- … -->', '<h1>Connexion</h1>'] });
    expect(elided).to.equal(null);
  });
});
