// The suites that run wherever postlint runs: the desktop (Node) pass and the web pass share them.
// Imports run after mocha has installed `describe`/`it` as globals.
export function coreSuites(): Promise<unknown>[] {
  return [
    import('./suite/diagnostics.test'),
    import('./suite/statusBar.test'),
    import('./suite/settings.test'),
    import('./suite/codeActions.test'),
    import('./suite/hover.test'),
  ];
}
