-- Headless Neovim as a second LSP client of postlint: attaches the built server to each post of a
-- job file, waits for its diagnostics, and writes what arrived (the raw LSP notification, and the
-- diagnostics Neovim made of it) as JSON. Run by neovim.e2e.ts:
--   POSTLINT_NVIM_JOB=job.json nvim --headless --clean -n -i NONE -c 'luafile test/nvim/lsp.lua'
-- job.json: { "server": "dist/server.js", "root": "...", "settings": { "postlint": {...} },
--             "files": ["..."], "out": "result.json" }
local job = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('POSTLINT_NVIM_JOB')), '\n'))

local published = {}
local function on_publish(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

local config = {
  name = 'postlint',
  cmd = { 'node', job.server, '--stdio' },
  root_dir = job.root,
  settings = job.settings,
  handlers = { ['textDocument/publishDiagnostics'] = on_publish },
}

-- Neovim 0.8+ has vim.lsp.start (start or reuse, attach to the current buffer); Debian 12 ships
-- 0.7, where a client is started once and attached to each buffer.
local client_id
local function attach(bufnr)
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = client_id or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
end

-- What Neovim itself shows: 0-based line and byte columns, severity, and the rule code.
local function shown(bufnr)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(items, {
      code = d.code or lsp.code,
      severity = d.severity,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  return items
end

local results = {}
for _, file in ipairs(job.files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'postmd'
  local uri = vim.uri_from_bufnr(bufnr)
  attach(bufnr)
  local arrived = vim.wait(job.timeoutMs or 15000, function() return published[uri] ~= nil end, 10)
  table.insert(results, {
    file = file,
    uri = uri,
    arrived = arrived,
    lsp = published[uri] or {},
    shown = arrived and shown(bufnr) or {},
  })
end

vim.fn.writefile({ vim.fn.json_encode(results) }, job.out)
vim.cmd('qall!')
