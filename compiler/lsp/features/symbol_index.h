// The symbol index of one analysed bundle: every declaration (the Program's
// assets, environments, tests and bundle, and each `consent` block) and
// every place a declared name is used — in flows, conditions, policies,
// webhooks, flags, environments, consent blocks, tests, and `{{field}}`
// placeholders in template texts when the placeholder's name is written
// as is in the source. Each occurrence has the exact byte range of the
// name. Hover, definition, references and rename read it.
//
// The index is built lazily, on the first request after an analysis, from
// the Program and the ASTs kept by the bundle's AstCache, and cached by
// IndexCache until the next analysis (Bundle::analyses): never on the
// publishing path.
#pragma once

#include "compiler/lsp/workspace.h"
#include "compiler/sema/program.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mac::lsp::features {

/// What a declaration declares. The first eleven are the assets of the
/// bundle namespace (same order as sema::AssetKind).
enum class SymbolKind : uint8_t {
  Field,
  Tag,
  List,
  Segment,
  Email,
  Sms,
  Push,
  Webhook,
  Flag,
  Policy,
  Flow,
  Env,
  Test,
  Consent,
  Bundle
};

/// "field", "email template", "environment", "consent", …
std::string_view symbolKindName(SymbolKind kind);

/// The kinds whose names must differ from each other (one namespace).
enum class Namespace : uint8_t { Assets, Envs, Tests, Consents, Bundle };
Namespace namespaceOf(SymbolKind kind);

struct Symbol {
  SymbolKind kind = SymbolKind::Field;
  std::string name;
  std::string display; ///< the display string, or the name
  SourceRange range;   ///< the whole declaration
  SourceRange nameRange;
  bool stdlib = false; ///< declared by a stdlib module
};

/// One place a name is written: its declaration or a use.
struct Occurrence {
  SourceRange range; ///< exactly the name's bytes
  uint32_t symbol = 0;
  bool declaration = false;
};

class SymbolIndex {
public:
  /// Indexes `program`, using the ASTs `files` it was built from.
  SymbolIndex(const sema::Program &program, const SourceManager &sources,
              const std::vector<const ast::File *> &files);

  const std::vector<Symbol> &symbols() const { return symbols_; }
  const Symbol &symbol(uint32_t id) const { return symbols_[id]; }

  /// The occurrence whose name contains or touches byte `offset` of `file`.
  const Occurrence *at(FileId file, uint32_t offset) const;
  /// Every occurrence of a symbol, in file and offset order.
  std::vector<Occurrence> occurrencesOf(uint32_t symbol) const;
  /// The symbol named `name` in namespace `space`, if any.
  std::optional<uint32_t> find(Namespace space, std::string_view name) const;

private:
  friend class IndexBuilder;
  std::vector<Symbol> symbols_;
  std::vector<Occurrence> occurrences_; ///< sorted by (file, begin)
};

/// The index of each bundle's last analysis, built on first use.
class IndexCache {
public:
  /// The index of `bundle`'s last analysis; null when it has no Program.
  const SymbolIndex *of(const Bundle &bundle);

private:
  struct Entry {
    size_t analyses = 0;
    const sema::Program *program = nullptr;
    const SourceManager *sources = nullptr;
    std::unique_ptr<SymbolIndex> index;
  };
  std::map<std::string, Entry> byRoot_;
};

} // namespace mac::lsp::features
