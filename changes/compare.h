// The semantic comparison of two bundles (`mac diff`): what was added,
// removed, renamed, moved or changed between two checked Programs, by names
// and content, never by ids or source ranges, so that reformatting,
// comments and moving declarations between files change nothing.
#pragma once

#include "changes/change.h"
#include "compiler/base/source_manager.h"
#include "compiler/sema/program.h"

namespace mac::changes {

/// Compares `before` with `after`. Both must be free of errors.
ChangeSet compare(const sema::Program &before, const SourceManager &beforeSources,
                  const sema::Program &after, const SourceManager &afterSources);

} // namespace mac::changes
