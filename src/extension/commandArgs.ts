// What a command's argument is about, read in one place. Commands are run
// from the Command Palette (no argument), from tree rows (their nodes), from
// hover and preview links (JSON objects), and by tests and other extensions
// (paths, Uris, argument objects): every command reads its note, topic or
// anchor through these, so they all accept the same shapes.

import * as vscode from 'vscode';

/** The folder a command runs in: it makes a Uri workspace-relative (a LearningsService). */
export interface CommandFolder {
  relative(uri: vscode.Uri): string | undefined;
}

/** A note, as commands receive one. */
export type NoteArg =
  /** A workspace-relative path. */
  | string
  | vscode.Uri
  /** A tree node (`{type: 'note', note}`), an attention row or a `{note, anchor}` link. */
  | { note: string | { path: string } }
  /** A This File row. */
  | { live: { note: { path: string } } }
  | { notePath: string }
  | { path: string }
  /** A TreeItem. */
  | { resourceUri: vscode.Uri };

/** A note's anchor: `{note, anchor}` (a hover link, an attention row), or a This File row. */
export type AnchorArg = { note?: NoteArg; anchor: number } | { live: { note: { path: string }; anchorIndex: number } };

/** A topic: its slug, or a Topics view node. */
export type TopicArg = string | { topic: { slug: string } };

export interface AnchorRef {
  /** The note's workspace-relative path. */
  note: string;
  /** The index of the anchor in the note's `anchors`. */
  anchor: number;
}

/** The path of the note `arg` names (see NoteArg); undefined when it names none. */
export function noteOf(arg: unknown, folder: CommandFolder): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof vscode.Uri) return folder.relative(arg);
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as { note?: { path?: unknown } | string | null; notePath?: unknown; path?: unknown; live?: { note?: { path?: unknown } }; resourceUri?: unknown };
  if (typeof o.note === 'string') return o.note;
  if (typeof o.note?.path === 'string') return o.note.path;
  if (typeof o.live?.note?.path === 'string') return o.live.note.path;
  if (typeof o.notePath === 'string') return o.notePath;
  if (typeof o.path === 'string') return o.path;
  if (o.resourceUri instanceof vscode.Uri) return folder.relative(o.resourceUri);
  return undefined;
}

/** The note `arg` names, else the active editor's (a command run from the palette); a Uri outside the folder names none. */
export function noteOrActive(arg: unknown, folder: CommandFolder): string | undefined {
  if (arg instanceof vscode.Uri) return folder.relative(arg);
  const named = noteOf(arg, folder);
  if (named !== undefined) return named;
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? folder.relative(active) : undefined;
}

/** The anchor `arg` names (see AnchorArg); `{anchor}` without a note is the active editor's note's. */
export function anchorOf(arg: unknown, folder: CommandFolder): AnchorRef | undefined {
  const a = arg as { note?: unknown; anchor?: unknown; live?: { note?: { path?: unknown }; anchorIndex?: unknown } } | undefined | null;
  const live = a?.live;
  if (typeof live?.note?.path === 'string' && live.note.path !== '' && typeof live.anchorIndex === 'number') return { note: live.note.path, anchor: live.anchorIndex };
  if (typeof a?.anchor !== 'number') return undefined;
  const note = noteOrActive(a.note, folder);
  return note ? { note, anchor: a.anchor } : undefined;
}

/** The anchor `arg` names, else the first anchor of the note it names (or of the active editor's). */
export function anchorOrFirstOf(arg: unknown, folder: CommandFolder): AnchorRef | undefined {
  const ref = anchorOf(arg, folder);
  if (ref) return ref;
  const named = (arg as { note?: unknown } | undefined | null)?.note;
  const note = noteOrActive(named ?? arg, folder);
  return note ? { note, anchor: 0 } : undefined;
}

/** The slug of the topic `arg` names (see TopicArg). */
export function topicOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const t = (arg as { topic?: { slug?: unknown } } | undefined | null)?.topic?.slug;
  return typeof t === 'string' ? t : undefined;
}
