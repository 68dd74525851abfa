// The shape every backend of a platform without a create-workflow API shares
// (Marketo, ActiveCampaign, GoHighLevel): DEPLOY.md opens with the header
// and the assets, then for every flow the backend writes its JSON files and
// its build section. Subclasses supply the platform's words and what each
// flow gets.
#pragma once

#include "backends/backend.h"
#include "backends/checklist/checklist_tree.h"
#include "backends/checklist/markdown.h"
#include "backends/checklist/vocabulary.h"

namespace mac::backend::checklist {

/// One flow as the per-flow hook sees it.
struct FlowToBuild {
  sema::FlowId id;
  const sema::Flow &decl;
  const std::string &platformId; ///< the bound workflow id (or its placeholder)
  const Tree &tree;
};

class ChecklistBackend : public Backend {
public:
  bool emit(BuildContext &ctx, OutputSink &out) const final;

protected:
  virtual const Vocabulary &words() const = 0;
  /// The paragraph under DEPLOY.md's title.
  virtual std::string_view intro() const = 0;
  /// True when the platform also deduplicates contacts by phone.
  virtual bool phoneIsDedupeKey() const { return false; }
  /// Anything between the assets and the first flow (and case-by-case checks).
  virtual void beforeFlows(BuildContext &ctx, Markdown &md) const {}
  /// Writes `flows/<flow>...json` and the flow's DEPLOY.md section.
  virtual void emitFlow(BuildContext &ctx, OutputSink &out, Markdown &md,
                        const FlowToBuild &flow) const = 0;
};

} // namespace mac::backend::checklist
