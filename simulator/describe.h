// Words for traces and diagnostics: a trigger as written ("form_submitted
// \"Contact Us\""), a duration in the largest unit that fits ("2d", "90m"),
// and a template with its channel ("sms `reminder`").
#pragma once

#include "compiler/sema/program.h"

#include <string>

namespace mac::sim {

std::string describeTrigger(const sema::Program &program, const sema::Trigger &trigger);
std::string formatDuration(int64_t seconds);
std::string describeMessage(const sema::Program &program, const sema::AssetRef &message);

} // namespace mac::sim
