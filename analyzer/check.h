// The interface of one check and the context every check reads. A check is
// read-only over the Program and reports through the context's engine. Shared
// analyses (the trigger graph, per-flow path facts, the template model, the
// environment model) are computed on first use and cached in the context, so
// each is computed once however many checks read it.
#pragma once

#include "analyzer/analyzer.h"

#include <memory>
#include <string_view>
#include <vector>

namespace mac::analyzer {

class CheckContext;

/// One check: one rule (or a few tightly related codes) in one file.
class Check {
public:
  virtual ~Check() = default;
  virtual std::string_view name() const = 0;
  virtual void run(CheckContext &ctx) = 0;
};

/// Base of every shared analysis. A derived class `A` provides
/// `static std::unique_ptr<A> compute(CheckContext &)`.
struct Analysis {
  virtual ~Analysis() = default;
};

class CheckContext {
public:
  CheckContext(const sema::Program &program, const SourceManager &sources,
               const AnalyzerOptions &options, diag::Engine &diags)
      : program_(program), sources_(sources), options_(options), diags_(diags) {}

  const sema::Program &program() const { return program_; }
  const SourceManager &sources() const { return sources_; }
  const AnalyzerOptions &options() const { return options_; }
  diag::Engine &diags() { return diags_; }

  /// The shared analysis `A`, computed on first use.
  template <class A> const A &get() {
    size_t slot = slotOf<A>();
    if (slot >= cache_.size())
      cache_.resize(slot + 1);
    if (!cache_[slot])
      cache_[slot] = A::compute(*this);
    return static_cast<const A &>(*cache_[slot]);
  }

  /// The source text of a range, as written (for messages such as
  /// "condition `x == 1` is always false").
  std::string_view textOf(SourceRange range) const;

private:
  static size_t nextSlot();
  template <class A> static size_t slotOf() {
    static const size_t slot = nextSlot();
    return slot;
  }

  const sema::Program &program_;
  const SourceManager &sources_;
  const AnalyzerOptions &options_;
  diag::Engine &diags_;
  std::vector<std::unique_ptr<Analysis>> cache_;
};

// One factory per check, declared from checks.def.
#define CHECK(Name) std::unique_ptr<Check> create##Name##Check();
#include "analyzer/checks.def"
#undef CHECK

} // namespace mac::analyzer
