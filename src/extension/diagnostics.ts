// The problems of notes and topic pages in the Problems view: what
// `learnings check` says, one diagnostic per problem, on its line. Saved
// files show the index's problems; an open note with unsaved changes is
// checked as it is typed. Opening a note starts no scan: until the index is
// loaded, an open note shows its own problems, and those across files
// (a duplicate title, an unused topic page) come with the index.

import * as vscode from 'vscode';
import { roleOf } from '../core/layout';
import { parseNote } from '../core/notes/parseNote';
import { parseTopicPage } from '../core/topics/parseTopicPage';
import { crossFileProblems } from '../core/index/crossFileProblems';
import type { NoteIndex } from '../core/index/noteIndex';
import type { Problem } from '../core/model';
import type { Topic } from '../core/topics/topics';
import type { LearningsService } from './service';

/** How long typing pauses before an open note is checked again. */
const TYPING_DELAY_MS = 250;

export class NoteDiagnostics implements vscode.Disposable {
  readonly collection: vscode.DiagnosticCollection;
  private readonly published = new Set<string>();
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  private cross: { topics: Topic[]; byFile: Map<string, Problem[]> } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** `name`: the collection's (each folder of a multi-root workspace has its own). */
  constructor(
    private readonly service: LearningsService,
    name = 'teamLearnings',
  ) {
    this.collection = vscode.languages.createDiagnosticCollection(name);
    this.disposables.push(this.collection);
    this.disposables.push(
      service.onDidChange(() => this.publishAll()),
      vscode.workspace.onDidOpenTextDocument((doc) => this.opened(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.typed(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.stopTyping(doc.uri.toString());
        this.publishFile(doc.uri);
      }),
    );
    void service
      .whenLoaded()
      .then(() => service.afterFirstRows())
      .then(() => this.publishAll());
    for (const doc of vscode.workspace.textDocuments) this.opened(doc);
  }

  /** Sets the diagnostics of every file the index has problems for, and clears the others. */
  publishAll(): void {
    const index = this.service.indexIfLoaded;
    if (!index) return;
    const byFile = groupByFile(index.problems());
    for (const doc of vscode.workspace.textDocuments) {
      const path = this.pathOf(doc.uri);
      if (path && doc.isDirty) byFile.set(path, this.problemsOfText(index, path, doc.getText()));
    }
    const now = new Set<string>();
    for (const [path, problems] of byFile) {
      if (problems.length === 0) continue;
      const uri = this.service.uriOf(path);
      this.collection.set(uri, problems.map((p) => toDiagnostic(p, openDocument(uri))));
      now.add(uri.toString());
    }
    for (const key of this.published) if (!now.has(key)) this.collection.delete(vscode.Uri.parse(key));
    this.published.clear();
    for (const key of now) this.published.add(key);
  }

  /**
   * The diagnostics of one file: its open document's text when unsaved, else
   * the index's. Before the index is loaded, an open note's own problems
   * (no scan is started for them; those across files follow with the index).
   */
  private publishFile(uri: vscode.Uri): void {
    const index = this.service.indexIfLoaded;
    const path = this.pathOf(uri);
    if (!path) return;
    const doc = openDocument(uri);
    if (!index && !doc) {
      this.collection.delete(uri);
      this.published.delete(uri.toString());
      return;
    }
    const problems = !index || doc?.isDirty ? this.problemsOfText(index, path, doc!.getText()) : index.problemsOf(path);
    if (problems.length === 0) {
      this.collection.delete(uri);
      this.published.delete(uri.toString());
    } else {
      this.collection.set(uri, problems.map((p) => toDiagnostic(p, doc)));
      this.published.add(uri.toString());
    }
  }

  private opened(doc: vscode.TextDocument): void {
    if (this.pathOf(doc.uri)) this.publishFile(doc.uri);
  }

  private typed(doc: vscode.TextDocument): void {
    if (!this.pathOf(doc.uri)) return;
    const key = doc.uri.toString();
    this.stopTyping(key);
    this.typing.set(
      key,
      setTimeout(() => {
        this.typing.delete(key);
        this.publishFile(doc.uri);
      }, TYPING_DELAY_MS),
    );
  }

  private stopTyping(key: string): void {
    const timer = this.typing.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.typing.delete(key);
  }

  /** A note or topic page of this workspace, by its workspace-relative path. */
  private pathOf(uri: vscode.Uri): string | undefined {
    const path = this.service.relative(uri);
    if (!path) return undefined;
    const role = roleOf(path, this.service.layout);
    return role === 'note' || role === 'topic' ? path : undefined;
  }

  private problemsOfText(index: NoteIndex | undefined, path: string, text: string): Problem[] {
    const own = roleOf(path, this.service.layout) === 'note' ? parseNote(path, text).problems : parseTopicPage(path, text, this.service.layout.topicsDir).problems;
    return index ? own.concat(this.crossFileOf(index, path)) : own;
  }

  /** Problems across files as the saved files have them, computed again only when the index changed. */
  private crossFileOf(index: NoteIndex, path: string): Problem[] {
    const topics = index.topics();
    if (this.cross?.topics !== topics) this.cross = { topics, byFile: groupByFile(crossFileProblems(index.notes(), index.pages(), topics)) };
    return this.cross.byFile.get(path) ?? [];
  }

  dispose(): void {
    for (const timer of this.typing.values()) clearTimeout(timer);
    this.typing.clear();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerDiagnostics(context: vscode.ExtensionContext, service: LearningsService, name?: string): NoteDiagnostics {
  const diagnostics = new NoteDiagnostics(service, name);
  context.subscriptions.push(diagnostics);
  return diagnostics;
}

function groupByFile(problems: Problem[]): Map<string, Problem[]> {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  return byFile;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** A problem on its line (the whole line's text when the document is open), or on the first line. */
function toDiagnostic(problem: Problem, doc: vscode.TextDocument | undefined): vscode.Diagnostic {
  const line = Math.max(0, (problem.line ?? 1) - 1);
  let range = new vscode.Range(line, 0, line, 0);
  if (doc) {
    const text = doc.lineAt(Math.min(line, doc.lineCount - 1));
    range = text.isEmptyOrWhitespace ? text.range : new vscode.Range(text.lineNumber, text.firstNonWhitespaceCharacterIndex, text.lineNumber, text.range.end.character);
  }
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = 'Team Learnings';
  return diagnostic;
}
