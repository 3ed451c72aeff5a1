// Code moves only to code (DESIGN.md section 3): which paths may receive a
// moved anchor. Never the notes folder, where every snippet stands verbatim
// in its own note; never generated or vendored files (a bundle or a lockfile
// holds copies of code, not the code); never what git ignores (history says
// which, through AnchorHistory.ignoredPaths).

/** Folders of other people's or generated code, at any depth. */
const VENDORED_DIRS = new Set(['node_modules', 'bower_components', 'jspm_packages', '.git', '.svn', '.hg', '__pycache__', '.venv', '.tox', '.gradle']);
/** Build output, at the top of the workspace only (`src/build/` may well be code). */
const OUTPUT_DIRS = new Set(['dist', 'build', 'out', 'coverage', 'target', 'vendor', '.next', '.nuxt', '.vscode-test']);

/** Files written by package managers. */
const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'Cargo.lock',
  'Gemfile.lock',
  'poetry.lock',
  'Pipfile.lock',
  'composer.lock',
  'go.sum',
  'packages.lock.json',
  'gradle.lockfile',
  'flake.lock',
  'uv.lock',
]);

/** Minified bundles, source maps, compiled bytecode. */
const GENERATED_FILE = /\.(min\.(js|mjs|cjs|css)|map|bundle\.js|chunk\.js|pyc|class)$/i;

export interface CodePolicy {
  /** The notes folder, workspace-relative (`.learnings` by default). */
  notesFolder?: string;
  /** Paths of notes wherever they are: never code either. */
  notePaths?: ReadonlySet<string>;
}

export const DEFAULT_NOTES_FOLDER = '.learnings';

/** Why `path` never receives an anchor, or undefined when it may. */
export function notCodeReason(path: string, policy: CodePolicy = {}): string | undefined {
  const folder = (policy.notesFolder ?? DEFAULT_NOTES_FOLDER).replace(/^\.\/+/, '').replace(/\/+$/, '');
  if ((folder !== '' && (path === folder || path.startsWith(`${folder}/`))) || policy.notePaths?.has(path)) return 'is in the notes folder';
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  if (parts.slice(0, -1).some((dir) => VENDORED_DIRS.has(dir)) || (parts.length > 1 && OUTPUT_DIRS.has(parts[0]))) return 'is generated or vendored';
  if (LOCKFILES.has(name)) return 'is a lockfile';
  if (GENERATED_FILE.test(name)) return 'is generated (minified bundle or source map)';
  return undefined;
}

/** True when a moved anchor may land in `path`. */
export function isCodePath(path: string, policy: CodePolicy = {}): boolean {
  return notCodeReason(path, policy) === undefined;
}
