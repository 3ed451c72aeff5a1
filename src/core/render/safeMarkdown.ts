// Notes are untrusted content (DESIGN.md section 7): this markdown-it engine
// is the one place that turns a note's markdown into HTML, for the preview,
// hovers, the dashboard and the HTML digest. Nothing from a note reaches the
// output unescaped, no link can run script or a command (the link policy is
// in linkPolicy.ts), and no remote resource is referenced: images are never
// loaded, an image becomes a link to its source, or its alt text.
//
// Linkify is on with fuzzy matching off, as VS Code's own preview does for
// untrusted workspaces: a pasted `https://...` becomes a link (the policy
// above still applies), while words like `example.com` or `file.ts` are not
// guessed into links.

import MarkdownIt from 'markdown-it';
import { escapeHtml } from './html';
import { isAllowedHref, hrefKind, resolveWorkspaceLink } from './linkPolicy';

type Token = MarkdownIt.Token;
type RenderRule = NonNullable<MarkdownIt.Renderer.RenderRuleRecord['text']>;

/** Links met while rendering, so a caller can open only what the note contains. */
export interface RenderedLinks {
  external: Set<string>;
  workspace: Set<string>;
}

/** The `env` the safe renderer reads: pass it as markdown-it's second argument. */
export interface SafeMarkdownEnv {
  /** Workspace-relative path of the note, the base of `./` and `../` links. */
  notePath?: string;
  /** Filled with every link written. */
  links?: RenderedLinks;
  /** The visible tag before an image's alt text. Default "Image". */
  imageLabel?: string;
}

/** A markdown-it instance for untrusted notes (see the policy at the top of this file). */
export function createSafeMarkdown(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  md.validateLink = isAllowedHref;
  md.renderer.rules.link_open = renderLinkOpen;
  md.renderer.rules.image = renderImage;
  // Unreachable with `html: false`; kept as text should someone turn it on.
  md.renderer.rules.html_block = (tokens, idx) => `<p>${escapeHtml(tokens[idx].content)}</p>\n`;
  md.renderer.rules.html_inline = (tokens, idx) => escapeHtml(tokens[idx].content);
  return md;
}

const renderLinkOpen: RenderRule = (tokens, idx, options, env: SafeMarkdownEnv, self) => {
  const token = tokens[idx];
  const href = token.attrGet('href') ?? '';
  const title = token.attrGet('title');
  token.attrs = linkAttrs(href, env);
  if (title) token.attrPush(['title', title]);
  else if (token.attrGet('data-href')) token.attrPush(['title', token.attrGet('data-href')!]);
  return self.renderToken(tokens, idx, options);
};

/** The attributes of a link to `href`: only ever `href` with an allowed URL, never an event handler. */
function linkAttrs(href: string, env: SafeMarkdownEnv = {}): [string, string][] {
  switch (hrefKind(href)) {
    case 'external':
      env.links?.external.add(href);
      return [
        ['href', href],
        ['rel', 'noopener noreferrer'],
      ];
    case 'fragment':
      return [['href', href]];
    case 'relative': {
      const path = resolveWorkspaceLink(href, env.notePath);
      if (path === undefined) break;
      env.links?.workspace.add(path);
      return [
        ['class', 'workspace-link'],
        ['data-href', path],
        ['role', 'link'],
        ['tabindex', '0'],
      ];
    }
    case 'blocked':
      break;
  }
  return [['class', 'link-blocked']];
}

const renderImage: RenderRule = (tokens, idx, options, env: SafeMarkdownEnv, self) => {
  const token: Token = tokens[idx];
  const src = token.attrGet('src') ?? '';
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const title = token.attrGet('title');
  const attrs = linkAttrs(src, env);
  const isLink = attrs.some(([name]) => name === 'href' || name === 'data-href');
  const classes = ['image-link', ...attrs.filter(([name]) => name === 'class').map(([, value]) => value)];
  const rest = attrs.filter(([name]) => name !== 'class');
  if (title) rest.push(['title', title]);
  const attrText = [['class', classes.join(' ')], ...rest].map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  const label = `<span class="image-label">${escapeHtml(env.imageLabel ?? 'Image')}</span> `;
  const text = escapeHtml(alt || (isLink ? src : ''));
  return isLink ? `<a${attrText}>${label}${text}</a>` : `<span class="image-alt">${label}${text}</span>`;
};
