// The AST cache behind incremental re-analysis (see parse_cache.h).
#include "compiler/lsp/parse_cache.h"

namespace mac::lsp {

std::unique_ptr<ast::File> AstCache::parse(const SourceManager &sources, FileId file,
                                           diag::Engine &diags, const syntax::ParseLimits &limits) {
  const std::string &path = sources.realPath(file);
  auto it = byPath_.find(path);
  if (it != byPath_.end() && it->second.ast && it->second.file == file &&
      it->second.text == sources.text(file)) {
    for (const diag::Diagnostic &diagnostic : it->second.diagnostics)
      diags.add(diagnostic);
    return std::move(it->second.ast);
  }
  ++parses_;
  diag::Engine own;
  std::unique_ptr<ast::File> ast = syntax::parseFile(sources, file, own, limits);
  Entry &entry = byPath_[path];
  entry = Entry{file, std::string(sources.text(file)), own.diagnostics(), nullptr};
  for (diag::Diagnostic &diagnostic : own.mutableDiagnostics())
    diags.add(std::move(diagnostic));
  return ast;
}

void AstCache::giveBack(sema::LoadedBundle bundle) {
  std::map<std::string, Entry> kept;
  for (sema::LoadedFile &file : bundle.files) {
    auto it = byPath_.find(file.realPath);
    if (it == byPath_.end() || !file.ast || file.ast->file != it->second.file)
      continue;
    it->second.ast = std::move(file.ast);
    kept[file.realPath] = std::move(it->second);
  }
  byPath_ = std::move(kept); // files no longer in the bundle are forgotten
}

std::vector<const ast::File *> AstCache::files() const {
  std::vector<const ast::File *> files;
  for (const auto &[path, entry] : byPath_)
    if (entry.ast)
      files.push_back(entry.ast.get());
  return files;
}

} // namespace mac::lsp
