-- Neovim end-to-end check of `mac lsp` (test/editors/nvim.test), written for
-- Neovim 0.7 (Debian bookworm): only vim.lsp.start_client and
-- vim.lsp.buf_attach_client, no vim.lsp.start (0.8+).
--
-- It starts `mac lsp` on the bundle $MAC_NVIM_BUNDLE, opens
-- flows/lead_intake.flow, waits for its first diagnostics, edits the buffer
-- into a mistake (an undefined template in a `send`), waits for the
-- diagnostic, applies the server's quick fix through a code action, waits for
-- the diagnostic to go away, and stops the server. Everything it sees goes,
-- one fact a line, to $MAC_NVIM_OUT for FileCheck. Every wait is bounded:
-- a missing answer writes `TIMEOUT ...` and exits with status 1.

local bundle = assert(os.getenv('MAC_NVIM_BUNDLE'), 'MAC_NVIM_BUNDLE is not set')
local out_path = assert(os.getenv('MAC_NVIM_OUT'), 'MAC_NVIM_OUT is not set')
local mac = os.getenv('MAC_NVIM_MAC') or 'mac'
local wait_ms = 10000

local out = assert(io.open(out_path, 'w'))
local function say(fmt, ...)
  out:write(string.format(fmt, ...), '\n')
  out:flush()
end

local function finish(status)
  out:close()
  vim.cmd(status == 0 and 'qall!' or 'cquit! ' .. status)
end

-- Bundle-relative path of a file:// URI, for stable output.
local function rel(uri)
  local path = vim.uri_to_fname(uri)
  return (path:sub(1, #bundle + 1) == bundle .. '/') and path:sub(#bundle + 2) or path
end

-- Every publishDiagnostics, remembered per URI (count and version), then
-- handed to Neovim's own handler so vim.diagnostic sees it as usual.
local published = {}
local function on_publish(err, result, ctx, config)
  local seen = published[result.uri] or { count = 0 }
  seen.count = seen.count + 1
  seen.version = result.version
  seen.diagnostics = result.diagnostics
  published[result.uri] = seen
  vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

local function wait_for(what, predicate)
  if not vim.wait(wait_ms, predicate, 20) then
    say('TIMEOUT waiting for %s', what)
    finish(1)
    error('timeout: ' .. what)
  end
end

-- Diagnostics of a buffer as Neovim holds them, sorted, one line each.
local function report(label, bufnr)
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  say('%s: %d diagnostic(s)', label, #diags)
  for _, d in ipairs(diags) do
    say('  %s %s %d:%d-%d:%d %s', d.code, vim.diagnostic.severity[d.severity], d.lnum + 1,
      d.col + 1, d.end_lnum + 1, d.end_col + 1, d.message)
  end
end

local function run()
  local exit_code
  local client_id = vim.lsp.start_client({
    name = 'mac',
    cmd = { mac, 'lsp' },
    root_dir = bundle,
    workspace_folders = { { uri = vim.uri_from_fname(bundle), name = 'lead-intake' } },
    handlers = { ['textDocument/publishDiagnostics'] = on_publish },
    on_exit = function(code) exit_code = code end,
  })
  if not client_id then
    say('could not start %s lsp', mac)
    return finish(1)
  end

  local file = bundle .. '/flows/lead_intake.flow'
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'flow'
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  vim.lsp.buf_attach_client(bufnr, client_id)

  wait_for('the first diagnostics', function() return published[uri] ~= nil end)
  local client = vim.lsp.get_client_by_id(client_id)
  say('server: %s, encoding %s, sync %s', client.name, client.offset_encoding,
    vim.inspect(client.server_capabilities.textDocumentSync.change))
  report('opened', bufnr)

  -- The mistake: `send welcome;` becomes `send welcom;`, typed as an
  -- incremental edit (delete one character) on the buffer.
  local row
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:find('send welcome;', 1, true) then row = i - 1 break end
  end
  local col = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1]:find('welcome', 1, true) + 5
  vim.api.nvim_buf_set_text(bufnr, row, col, row, col + 1, {})
  say('edited line %d: %s', row + 1, vim.trim(vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1]))
  local broken_version = vim.lsp.util.buf_versions[bufnr]
  wait_for('the diagnostic of the mistake', function()
    return published[uri] and published[uri].version == broken_version
  end)
  report('after the mistake', bufnr)
  -- `welcome` is now unused: the server publishes that in its own file too.
  local email_uri = vim.uri_from_fname(bundle .. '/templates/email.flow')
  local function email_count()
    return published[email_uri] and #published[email_uri].diagnostics or 0
  end
  wait_for('the unused template in templates/email.flow', function() return email_count() > 0 end)
  for _, d in ipairs(published[email_uri].diagnostics) do
    say('  in %s: %s %d:%d %s', rel(email_uri), d.code, d.range.start.line + 1,
      d.range.start.character + 1, d.message)
  end

  -- The fix: the server's quick fix for the diagnostic, applied by Neovim.
  local diag = vim.diagnostic.get(bufnr)[1]
  local params = {
    textDocument = { uri = uri },
    range = { start = { line = diag.lnum, character = diag.col }, ['end'] = { line = diag.lnum, character = diag.col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, diag.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, wait_ms)
  local actions = responses and responses[client_id] and responses[client_id].result
  if not actions then
    say('TIMEOUT waiting for code actions')
    return finish(1)
  end
  for _, action in ipairs(actions) do
    say('code action: %s (%s)%s', action.title, action.kind, action.isPreferred and ' preferred' or '')
  end
  vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
  say('fixed line %d: %s', row + 1, vim.trim(vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1]))
  local fixed_version = vim.lsp.util.buf_versions[bufnr]
  wait_for('the diagnostic to go away', function()
    return published[uri] and published[uri].version == fixed_version
  end)
  report('after the fix', bufnr)
  wait_for('templates/email.flow to be clean again', function() return email_count() == 0 end)
  say('%s: %d diagnostic(s)', rel(email_uri), email_count())

  client.stop()
  wait_for('the server to exit', function() return exit_code ~= nil end)
  say('server exited with status %d', exit_code)
  finish(exit_code == 0 and 0 or 1)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      pcall(say, 'ERROR %s', tostring(err))
      pcall(finish, 1)
      vim.cmd('cquit! 1')
    end
  end,
})
