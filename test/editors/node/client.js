// A real LSP client for `mac lsp`, built on npm's vscode-jsonrpc and
// vscode-languageserver-protocol (the libraries under VS Code's own client),
// run by test/editors/node-client.test.
//
//   node client.js MAC BUNDLE
//
// It spawns `MAC lsp`, initializes with BUNDLE as the workspace folder, opens
// flows/lead_intake.flow, collects diagnostics, breaks a `send` with an
// incremental change, asks for code actions at the diagnostic, applies the
// quick fix as another incremental change, and shuts the server down. It
// prints one line per fact for FileCheck; any protocol error, a message the
// connection cannot match, or a wait longer than 10 s (or a run longer
// than 25 s) ends it with status 1.
'use strict';

const fs = require('fs');
const path = require('path');
const {spawn} = require('child_process');
const {pathToFileURL, fileURLToPath} = require('url');
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  CodeActionRequest,
  ShutdownRequest,
  ExitNotification,
  Trace,
} = require('vscode-languageserver-protocol/node');

const [mac, bundleArg] = process.argv.slice(2);
if (!mac || !bundleArg) {
  console.error('usage: node client.js MAC BUNDLE');
  process.exit(2);
}
const bundle = path.resolve(bundleArg);
const waitMs = 10000;

function fail(message) {
  console.log(`FAIL: ${message}`);
  process.exit(1);
}

// Bundle-relative path of a file URI, for stable output.
function rel(uri) {
  return path.relative(bundle, fileURLToPath(uri));
}

function describe(d) {
  const s = d.range.start;
  const e = d.range.end;
  return `${d.code} sev${d.severity} ${s.line}:${s.character}-${e.line}:${e.character} ${
      d.message}`;
}

// The last diagnostics published per URI; waiters re-check on each publish.
const published = new Map();
let waiters = [];
function waitFor(what, predicate) {
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate()) return false;
      clearTimeout(timer);
      resolve();
      return true;
    };
    const timer = setTimeout(() => fail(`timeout waiting for ${what}`), waitMs);
    if (!check()) waiters.push(check);
  });
}

async function main() {
  // However the server misbehaves (an unanswered request, say), the whole
  // run ends within 25 s.
  setTimeout(() => fail('timeout: the run took over 25 s'), 25000);
  const server = spawn(mac, ['lsp'], {stdio: ['pipe', 'pipe', 'inherit']});
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  server.on('error', (err) => fail(`cannot start ${mac}: ${err.message}`));

  // Anything the connection itself complains about (a response nobody waits
  // for, a message it cannot parse) is a failure.
  const logger = {
    error: (m) => fail(`connection: ${m}`),
    warn: (m) => fail(`connection: ${m}`),
    info: () => {},
    log: () => {},
  };
  const connection = createProtocolConnection(
      new StreamMessageReader(server.stdout),
      new StreamMessageWriter(server.stdin),
      logger,
  );
  connection.onError(([error]) => fail(`connection error: ${error.message}`));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, params);
    waiters = waiters.filter((check) => !check());
  });
  connection.listen();
  // A response to no pending request (one sent twice, say) is only visible
  // to a tracer.
  connection.trace(Trace.Messages, {
    log: (message) => {
      if (/without active response promise/.test(message)) fail(`connection: ${message}`);
    },
  });

  const rootUri = pathToFileURL(bundle).href;
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    clientInfo: {name: 'mac-node-client-test'},
    rootUri,
    workspaceFolders: [{uri: rootUri, name: 'lead-intake'}],
    capabilities: {
      general: {positionEncodings: ['utf-16']},
      textDocument: {
        synchronization: {dynamicRegistration: false},
        publishDiagnostics: {relatedInformation: true, versionSupport: true},
        codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix']}}},
      },
    },
  });
  const caps = init.capabilities;
  console.log(
      `server: ${init.serverInfo && init.serverInfo.name}, encoding ${caps.positionEncoding}, ` +
      `change ${caps.textDocumentSync.change}, code actions ${
          JSON.stringify(caps.codeActionProvider)}`);
  connection.sendNotification(InitializedNotification.type, {});

  const file = path.join(bundle, 'flows', 'lead_intake.flow');
  const uri = pathToFileURL(file).href;
  const text = fs.readFileSync(file, 'utf8');
  connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: {uri, languageId: 'flow', version: 1, text},
  });
  await waitFor('diagnostics of the opened file', () => published.has(uri));
  console.log(`open v${published.get(uri).version}: ${
      published.get(uri).diagnostics.length} diagnostic(s)`);

  // Incremental change: delete the last `e` of `send welcome;`.
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('send welcome;'));
  const character = lines[line].indexOf('welcome') + 'welcom'.length;
  connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: {uri, version: 2},
    contentChanges:
        [{range: {start: {line, character}, end: {line, character: character + 1}}, text: ''}],
  });
  await waitFor('diagnostics of version 2', () => published.get(uri).version === 2);
  const broken = published.get(uri).diagnostics;
  console.log(`change v2: ${broken.length} diagnostic(s)`);
  broken.forEach((d) => console.log(`  ${describe(d)}`));
  const emailUri = pathToFileURL(path.join(bundle, 'templates', 'email.flow')).href;
  await waitFor(
      'the unused template',
      () => published.has(emailUri) && published.get(emailUri).diagnostics.length > 0);
  published.get(emailUri).diagnostics.forEach(
      (d) => console.log(`  ${rel(emailUri)}: ${describe(d)}`));

  const actions = await connection.sendRequest(CodeActionRequest.type, {
    textDocument: {uri},
    range: broken[0].range,
    context: {diagnostics: [broken[0]], only: ['quickfix']},
  });
  console.log(`code actions: ${actions.length}`);
  for (const action of actions) {
    console.log(`  ${action.kind}${action.isPreferred ? ' preferred' : ''}: ${action.title}`);
    for (const [target, edits] of Object.entries(action.edit.changes)) {
      for (const e of edits) {
        const s = e.range.start;
        const en = e.range.end;
        console.log(`    ${rel(target)} ${s.line}:${s.character}-${en.line}:${en.character} ${
            JSON.stringify(e.newText)}`);
      }
    }
  }

  // Apply the preferred fix as the editor would: one more incremental change.
  const fix = actions.find((a) => a.isPreferred);
  connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: {uri, version: 3},
    contentChanges: fix.edit.changes[uri].map((e) => ({range: e.range, text: e.newText})),
  });
  await waitFor('diagnostics of version 3', () => published.get(uri).version === 3);
  console.log(`change v3: ${published.get(uri).diagnostics.length} diagnostic(s)`);
  await waitFor(
      'templates/email.flow to be clean', () => published.get(emailUri).diagnostics.length === 0);
  console.log(`  ${rel(emailUri)}: 0 diagnostic(s)`);

  const result = await connection.sendRequest(ShutdownRequest.type);
  console.log(`shutdown: ${JSON.stringify(result)}`);
  connection.sendNotification(ExitNotification.type);
  const timer = setTimeout(() => fail('timeout waiting for the server to exit'), waitMs);
  const code = await exited;
  clearTimeout(timer);
  console.log(`server exited with status ${code}`);
  connection.dispose();
  process.exit(code === 0 ? 0 : 1);
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
