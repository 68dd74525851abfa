// The Program as one target sees it in one environment, printed without
// positions: the proof of `mac import`'s round trip (tests compare the dump
// of a bundle B with the dump of import(build(B))). Per flow, sorted by
// display name: triggers, re-enrolment (allowed or not), the effective
// throttle, the enrolment filters and goals (flags resolved, in disjunctive
// normal form, sorted), the policies in force (sorted), and the statement
// tree of the flow plan, with shared continuations expanded (so a DAG and
// its tree copy print the same). Normalised, each because the platform
// cannot tell the two apart (docs/adopting.md says why for each):
// - every target: assets are named by the platform's id when the target's
//   bindings bind them, else by identifier; lists and segments are both an
//   `audience`; `in [v]` prints as `== v`; literal values print as the text
//   the platform stores; a negated comparison prints as the opposite
//   comparison (`not F == v` as `F != v`) and `not F is set` as
//   `F is empty` (and back);
// - HubSpot and SFMC: tags print as the boolean property or column that
//   stores them;
// - Klaviyo: no throttle (Klaviyo has no rate limit), `quiet_hours` without
//   its window (an account setting), `wait for event E timeout D` as
//   `wait D` (Klaviyo cannot resume on an event); delays rounded up to
//   whole minutes (as the backend builds them); a push send as its message's
//   name, title and text (Klaviyo keeps no push template); tags as audiences (a
//   tag is a list, and a bound one does not say so): `add tag T` as
//   `add to`, `has tag T` as `in`, `on tag_added` as `on list_joined`; a
//   bound form or event trigger as `metric <id>`; `notify` by the bound
//   alert address, placeholders as Klaviyo's property names;
// - SFMC: every trigger but a schedule is the journey's API entry event; a
//   segment prints as its `where` condition (the backend inlines it); a list
//   as its Boolean column (`F == true`); `quiet_hours` with its end only
//   (a WAIT until the end); the throttle as the email sends' hourly limit;
// - Klaviyo and SFMC: no `suppress unsubscribed` (the platform's own), and
//   quiet hours and consent only for flows that send on the channel (SFMC:
//   suppressions only for flows that send, the throttle only for flows that
//   send email): the platform writes them on those sends.
#pragma once

#include "compiler/diag/engine.h"
#include "compiler/sema/program.h"

#include <string>

namespace mac::importer {

/// The dump of `program` for `target` in environment `env` (declared).
std::string dumpProgram(const sema::Program &program, SourceManager &sources,
                        const std::string &target, const std::string &env);

} // namespace mac::importer
