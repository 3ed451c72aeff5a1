// The anchor engine's public surface, for the CLI and the extension.

export { relocateAnchor, isFresh, type FileText, type OtherFile, type RelocateContext } from './relocate';
export { DRIFT_THRESHOLD, type AnchorStatus, type AnchorResolution } from './resolution';
export { prepareFile, PreparedFile } from './preparedFile';
export { mapRange, type AnchorHistory, type MappedRange } from './history';
export { shiftRange, lineChangeOf, type LineChange, type ShiftedRange } from './shift';
export { resolveAnchors, type ResolveOptions } from './resolveAnchors';
export { isCodePath, notCodeReason, DEFAULT_NOTES_FOLDER, type CodePolicy } from './codePolicy';
export { declarationsOf, findDeclaration, enclosingDeclaration, type Declaration } from './declarations';
