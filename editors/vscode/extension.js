// The VS Code extension for Flow (`.flow`) files: it starts `mac lsp` (the
// executable named by the `mac.path` setting) through vscode-languageclient,
// so VS Code shows `mac check`'s diagnostics as you type and offers their
// fixes as quick fixes. Highlighting comes from syntaxes/flow.tmLanguage.json
// and needs no server. Plain JavaScript: nothing to compile before packaging.
'use strict';

const path = require('path');
const vscode = require('vscode');
const {LanguageClient, TransportKind} = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;
/** @type {vscode.FileSystemWatcher | undefined} */
let watcher;

// `mac.path`: a command on PATH, an absolute path, or a path relative to the
// first workspace folder (e.g. `build/bin/mac` in the mac repository).
function macCommand() {
  const configured = (vscode.workspace.getConfiguration('mac').get('path') || 'mac').trim();
  if (path.isAbsolute(configured) || !/[\\/]/.test(configured)) return configured;
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  return folder ? path.join(folder.uri.fsPath, configured) : configured;
}

async function startClient() {
  const command = macCommand();
  const serverOptions = {command, args: ['lsp'], transport: TransportKind.stdio};
  const clientOptions = {
    documentSelector: [{scheme: 'file', language: 'flow'}],
    // `mac lsp` re-analyses a bundle when one of its files changes on disk.
    synchronize: {fileEvents: watcher},
    outputChannel: output,
  };
  client = new LanguageClient('mac', 'mac language server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    const message = err && err.message ? err.message : String(err);
    vscode.window.showErrorMessage(
        `Could not start \`${command} lsp\` (${message}). Set "mac.path" to the mac executable.`);
  }
}

async function stopClient() {
  if (!client) return;
  const running = client;
  client = undefined;
  await running.stop();
}

async function restartClient() {
  await stopClient();
  await startClient();
}

async function activate(context) {
  output = vscode.window.createOutputChannel('mac');
  watcher = vscode.workspace.createFileSystemWatcher('**/*.flow');
  context.subscriptions.push(output, watcher);
  context.subscriptions.push(vscode.commands.registerCommand('mac.restartServer', restartClient));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('mac.path')) restartClient();
  }));
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = {
  activate,
  deactivate
};
