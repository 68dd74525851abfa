// The Program as one target sees it in one environment, printed without
// positions: the proof of `mac import`'s round trip (tests compare the dump
// of a bundle B with the dump of import(build(B))). Per flow, sorted by
// display name: triggers, re-enrolment (allowed or not), the effective
// throttle, the enrolment filters and goals (flags resolved, in disjunctive
// normal form, sorted), the policies in force (sorted), and the statement
// tree of the flow plan, with shared continuations expanded (so a DAG and
// its tree copy print the same). Assets are named by the platform's id when
// the target's bindings bind them, else by identifier; lists and segments
// are both an `audience`; tags print as the boolean property or column that
// stores them (HubSpot, SFMC); `in [v]` prints as `== v`; literal values
// print as the text the platform stores; `not F is set` prints as
// `F is empty` (and back); on SFMC every trigger is the journey's API entry
// event, so triggers print as that. docs/adopting.md lists these
// normalisations and why each is needed.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <string>

namespace mac::importer {

/// The dump of `program` for `target` in environment `env` (declared).
std::string dumpProgram(const sema::Program &program, SourceManager &sources,
                        const std::string &target, const std::string &env);

} // namespace mac::importer
